package org.peerlab.sim.net;

import java.util.ArrayDeque;

/**
 * The byte stream one side of a connection writes, kept as whole frames. On the stream each frame
 * occupies a 4-byte length prefix plus its bytes, as on a real stream transport; segments name
 * ranges of these offsets. The reading side takes a frame once every byte of it has arrived in
 * order, which frees it; so the pipe holds what is written but not yet delivered, bounded by the
 * writer's high-water mark plus what is in flight. Shared by reference between the two
 * endpoints of a connection (the simulation does not copy payload bytes into packets).
 */
final class FramePipe {

    /** Stream bytes of the length prefix in front of every frame. */
    static final int PREFIX = 4;

    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private long written;
    private long taken;

    /** @return stream bytes written so far, prefixes included */
    long written() {
        return written;
    }

    void append(byte[] frame) {
        frames.add(frame);
        written += PREFIX + frame.length;
    }

    /**
     * @param available stream bytes received in order so far
     * @return the next frame if it lies wholly within them (it is removed), else null
     */
    byte[] take(long available) {
        byte[] head = frames.peek();
        if (head == null || taken + PREFIX + head.length > available) {
            return null;
        }
        frames.poll();
        taken += PREFIX + head.length;
        return head;
    }
}
