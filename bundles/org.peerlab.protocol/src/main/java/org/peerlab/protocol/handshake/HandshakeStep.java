package org.peerlab.protocol.handshake;

import java.util.List;

import org.peerlab.protocol.ProtocolException;

/**
 * What the driver must do after feeding the handshake an event.
 *
 * @param send    messages to send, in order (wire form)
 * @param keys    the session keys, once the handshake has completed (exactly once), else null
 * @param failure why the handshake failed (the ERROR message to the peer is in {@code send}), else null
 */
public record HandshakeStep(List<byte[]> send, SessionKeys keys, ProtocolException failure) {

    public HandshakeStep {
        send = List.copyOf(send);
    }
}
