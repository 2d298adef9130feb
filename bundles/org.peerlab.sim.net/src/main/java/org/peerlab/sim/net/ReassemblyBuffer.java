package org.peerlab.sim.net;

import java.util.Map;
import java.util.TreeMap;

/**
 * The receiving side's view of a stream: the first byte not yet received in order and the
 * ranges received above it (out of order, waiting for a hole to fill). Only the ranges are kept;
 * the bytes stay in the sender's {@link FramePipe}.
 */
final class ReassemblyBuffer {

    /** What a segment did to the buffer. */
    enum Outcome { IN_ORDER, FILLED_HOLE, OUT_OF_ORDER, DUPLICATE }

    private long next;
    private TreeMap<Long, Long> above;

    /** @return the first stream offset not yet received in order (the cumulative ACK for data) */
    long next() {
        return next;
    }

    /** @return whether ranges above {@link #next()} are waiting */
    boolean hasHoles() {
        return above != null && !above.isEmpty();
    }

    /** Records the range {@code [start, end)}. */
    Outcome add(long start, long end) {
        if (end <= next) {
            return Outcome.DUPLICATE;
        }
        if (start > next) {
            insert(start, end);
            return Outcome.OUT_OF_ORDER;
        }
        next = end;
        if (!hasHoles()) {
            return Outcome.IN_ORDER;
        }
        while (!above.isEmpty() && above.firstKey() <= next) {
            next = Math.max(next, above.pollFirstEntry().getValue());
        }
        return Outcome.FILLED_HOLE;
    }

    /**
     * @param recent an offset of the most recently arrived segment
     * @return up to three SACK blocks as {@code start, end} pairs, the one holding {@code recent}
     *         first (RFC 2018), then the ranges below it; null when nothing waits above {@link #next()}
     */
    long[] sackBlocks(long recent) {
        if (!hasHoles()) {
            return null;
        }
        Map.Entry<Long, Long> first = above.floorEntry(recent);
        if (first == null || first.getValue() <= recent) {
            first = above.lastEntry();
        }
        long[] blocks = new long[Math.min(3, above.size()) * 2];
        int n = 0;
        for (Map.Entry<Long, Long> e = first; e != null && n < blocks.length; e = above.lowerEntry(e.getKey())) {
            blocks[n++] = e.getKey();
            blocks[n++] = e.getValue();
        }
        for (Map.Entry<Long, Long> e = above.higherEntry(first.getKey()); e != null && n < blocks.length; e = above.higherEntry(e.getKey())) {
            blocks[n++] = e.getKey();
            blocks[n++] = e.getValue();
        }
        return blocks;
    }

    private void insert(long start, long end) {
        if (above == null) {
            above = new TreeMap<>();
        }
        Map.Entry<Long, Long> before = above.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
            above.remove(before.getKey());
        }
        for (Map.Entry<Long, Long> after = above.ceilingEntry(start); after != null && after.getKey() <= end; after = above.ceilingEntry(start)) {
            end = Math.max(end, after.getValue());
            above.remove(after.getKey());
        }
        above.put(start, end);
    }
}
