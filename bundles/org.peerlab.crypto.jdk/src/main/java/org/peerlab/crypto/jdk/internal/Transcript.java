package org.peerlab.crypto.jdk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Key-exchange messages in protocol order, each preceded by its 4-byte big-endian length. */
final class Transcript {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void append(byte[] message) {
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
        bytes.writeBytes(message);
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
