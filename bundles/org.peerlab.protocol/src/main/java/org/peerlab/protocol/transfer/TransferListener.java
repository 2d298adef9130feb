package org.peerlab.protocol.transfer;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.handshake.SessionKeys;

/**
 * Receives a session's actions and events, synchronously, on the thread that fed it. Sending is
 * the driver's job: {@link #send} hands over one message's wire form.
 */
public interface TransferListener {

    /** Send this message to the peer (one frame). */
    void send(byte[] message);

    /** The handshake and identity check passed. */
    default void authenticated(SessionKeys keys, PeerIdentity peer) {
    }

    /** Receiver: the peer offers this; answer with {@code accept()} or {@code decline()}. */
    default void offered(Manifest manifest) {
    }

    /**
     * Progress in bytes of file content: {@code done} of {@code total}; {@code resumed} bytes
     * were already verified by an earlier session and are not sent again.
     */
    default void progress(long done, long total, long resumed) {
    }

    /** A file was verified against its root and has its final name (receiver) or was acknowledged (sender). */
    default void fileDone(FileEntry file) {
    }

    /** The transfer verified completely; the session is over. */
    void finished();

    /** The session failed; an ERROR for the peer, if any, was already passed to {@link #send}. */
    void failed(ProtocolException failure);
}
