package org.peerlab.protocol.handshake;

import java.util.List;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/**
 * A HELLO payload: a fresh 32-byte nonce, the strategies offered per category in preference
 * order, and the authentication mode ({@code none} or {@code pake:<name>}).
 */
record Hello(byte[] nonce, List<String> keyExchanges, List<String> aeads, List<String> kdfs, String auth) {

    static final int NONCE_LENGTH = 32;
    private static final int MAX_ENTRIES = 32;
    private static final int MAX_NAME = 64;

    byte[] encode() {
        return new WireWriter().bytes16(nonce).texts(keyExchanges).texts(aeads).texts(kdfs).text(auth).toByteArray();
    }

    static Hello decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload, "HELLO");
        byte[] nonce = r.bytes16("nonce", NONCE_LENGTH);
        if (nonce.length != NONCE_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "HELLO: nonce of " + nonce.length + " bytes, expected 32");
        }
        Hello h = new Hello(nonce, r.texts("key exchanges", MAX_ENTRIES, MAX_NAME), r.texts("aeads", MAX_ENTRIES, MAX_NAME),
                r.texts("kdfs", MAX_ENTRIES, MAX_NAME), r.text("auth", MAX_NAME + 5));
        r.end();
        return h;
    }
}
