package org.peerlab.protocol.wire;

/**
 * Message types of protocol version 1, with their wire codes. HELLO, KEY_EXCHANGE, CONFIRM and
 * ERROR travel in the clear; the others are sealed with the session keys.
 */
public enum MessageType {
    HELLO(1), KEY_EXCHANGE(2), CONFIRM(3), IDENTITY(4), OFFER(5), HAVE(6), ACCEPT(7), HASHES(8), CHUNK(9), DONE(10), RECEIPT(11),
    ERROR(15);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the type with that code, or null */
    public static MessageType of(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
