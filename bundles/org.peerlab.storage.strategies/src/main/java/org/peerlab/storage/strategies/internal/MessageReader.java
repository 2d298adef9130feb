package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;

/**
 * Reads a big-endian binary message and reports truncation, bad tags and trailing bytes as
 * {@link MalformedMessageException}s naming the message, never as runtime exceptions.
 */
final class MessageReader {

    private final ByteBuffer in;
    private final String what;

    /**
     * @param what the message's name for error texts, e.g. {@code merkle-challenge response}
     * @throws MalformedMessageException if {@code bytes} is null or does not start with {@code tag}
     */
    MessageReader(byte[] bytes, byte tag, String what) throws MalformedMessageException {
        if (bytes == null) {
            throw new MalformedMessageException(what + " is missing");
        }
        this.in = ByteBuffer.wrap(bytes);
        this.what = what;
        byte found = readByte("kind tag");
        if (found != tag) {
            throw new MalformedMessageException(what + " starts with tag 0x" + Integer.toHexString(found & 0xff)
                    + ", not 0x" + Integer.toHexString(tag & 0xff));
        }
    }

    byte readByte(String field) throws MalformedMessageException {
        need(1, field);
        return in.get();
    }

    int readInt(String field) throws MalformedMessageException {
        need(4, field);
        return in.getInt();
    }

    long readLong(String field) throws MalformedMessageException {
        need(8, field);
        return in.getLong();
    }

    /** @return the next {@code length} bytes (checked against what is left before allocating) */
    byte[] readBytes(int length, String field) throws MalformedMessageException {
        need(length, field);
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    /** @return the number of unread bytes */
    int remaining() {
        return in.remaining();
    }

    /** @throws MalformedMessageException if bytes are left over */
    void end() throws MalformedMessageException {
        if (in.hasRemaining()) {
            throw new MalformedMessageException(what + " has " + in.remaining() + " trailing bytes");
        }
    }

    private void need(int length, String field) throws MalformedMessageException {
        if (length < 0 || in.remaining() < length) {
            throw new MalformedMessageException(what + " is truncated: " + field + " needs " + length + " bytes, "
                    + in.remaining() + " left");
        }
    }
}
