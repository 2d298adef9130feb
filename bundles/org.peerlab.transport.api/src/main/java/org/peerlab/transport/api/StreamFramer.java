package org.peerlab.transport.api;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream into frames written as a 4-byte big-endian length followed by that many
 * bytes: the wire form of stream transports such as tcp. Sans-I/O: fed whatever a read returned,
 * it returns the frames completed so far and keeps the rest. Memory stays bounded by one frame.
 * Not thread-safe.
 */
public final class StreamFramer {

    /** Bytes of the length prefix. */
    public static final int PREFIX = 4;

    private final int maxFrame;
    private final ByteBuffer header = ByteBuffer.allocate(PREFIX);
    private ByteBuffer body;

    /** @param maxFrame the largest frame accepted, in bytes */
    public StreamFramer(int maxFrame) {
        if (maxFrame < 1) {
            throw new IllegalArgumentException("maxFrame must be positive, got " + maxFrame);
        }
        this.maxFrame = maxFrame;
    }

    /** @return {@code frame} with its length prefix, ready to write */
    public static ByteBuffer encode(ByteBuffer frame) {
        ByteBuffer out = ByteBuffer.allocate(PREFIX + frame.remaining());
        out.putInt(frame.remaining()).put(frame.duplicate()).flip();
        return out;
    }

    /**
     * Consumes all of {@code input}.
     *
     * @return the frames completed by these bytes, in order (each a fresh buffer)
     * @throws FramingException if a length prefix announces a frame above the maximum or below zero;
     *                          the stream cannot be trusted after that
     */
    public List<ByteBuffer> feed(ByteBuffer input) throws FramingException {
        List<ByteBuffer> frames = new ArrayList<>();
        while (input.hasRemaining()) {
            if (body == null) {
                move(input, header);
                if (header.hasRemaining()) {
                    break;
                }
                header.flip();
                int length = header.getInt();
                header.clear();
                if (length < 0 || length > maxFrame) {
                    throw new FramingException("peer announced a frame of " + Integer.toUnsignedString(length)
                            + " bytes; the maximum is " + maxFrame);
                }
                body = ByteBuffer.allocate(length);
            }
            move(input, body);
            if (!body.hasRemaining()) {
                body.flip();
                frames.add(body);
                body = null;
            }
        }
        return frames;
    }

    /** @return whether a frame has been started but not completed (a cut-off stream if it ends now) */
    public boolean midFrame() {
        return body != null || header.position() > 0;
    }

    private static void move(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        ByteBuffer slice = from.slice(from.position(), n);
        to.put(slice);
        from.position(from.position() + n);
    }
}
