package org.peerlab.crypto.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Key-exchange messages in protocol order, each preceded by its 4-byte big-endian length: the
 * form {@link KeyExchangeSession#transcript()} returns. Not thread-safe.
 */
public final class Transcript {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Appends one message. */
    public void append(byte[] message) {
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
        bytes.writeBytes(message);
    }

    /** @return a copy of everything appended so far */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
