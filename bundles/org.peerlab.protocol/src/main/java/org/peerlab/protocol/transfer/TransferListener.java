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

    /**
     * Receiver: a piece's hash check may run elsewhere. Return true to take it: run
     * {@code check.run()} on any thread, then hand it back through
     * {@link ReceiveSession#checked(PieceCheck)}, under the same lock as every other call into the
     * session. Return false (the default) and the session checks the piece at once, itself. A
     * piece taken is {@linkplain PieceStore#stage staged} (written, not recorded) while its check
     * runs; the session records pieces as verified only once checked, in arrival order, and
     * finishes only when every check is back; it does not limit how many are outstanding, which is the driver's
     * to bound.
     */
    default boolean offload(PieceCheck check) {
        return false;
    }

    /** A file was verified against its root and has its final name (receiver) or was acknowledged (sender). */
    default void fileDone(FileEntry file) {
    }

    /** The transfer verified completely; the session is over. */
    void finished();

    /** The session failed; an ERROR for the peer, if any, was already passed to {@link #send}. */
    void failed(ProtocolException failure);
}
