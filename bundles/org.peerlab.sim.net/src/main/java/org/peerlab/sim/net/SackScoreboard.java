package org.peerlab.sim.net;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sender's record of stream ranges the receiver has selectively acknowledged (RFC 2018 SACK
 * blocks) above the cumulative ACK. Ranges are merged on insertion and dropped once the
 * cumulative ACK passes them. Empty, and free of allocation, while nothing is lost.
 */
final class SackScoreboard {

    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long bytes;
    private long highest;

    /** Records the block {@code [start, end)}, ignoring what lies below {@code una}. */
    void add(long start, long end, long una) {
        start = Math.max(start, una);
        if (end <= start) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            if (before.getValue() >= end) {
                return;
            }
            start = before.getKey();
            remove(before.getKey(), before.getValue());
        }
        for (Map.Entry<Long, Long> after = ranges.ceilingEntry(start); after != null && after.getKey() <= end; after = ranges.ceilingEntry(start)) {
            end = Math.max(end, after.getValue());
            remove(after.getKey(), after.getValue());
        }
        ranges.put(start, end);
        bytes += end - start;
        highest = Math.max(highest, end);
    }

    /** Forgets everything below the new cumulative ACK {@code una}. */
    void advance(long una) {
        for (Iterator<Map.Entry<Long, Long>> it = ranges.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Long, Long> e = it.next();
            if (e.getKey() >= una) {
                break;
            }
            it.remove();
            bytes -= e.getValue() - e.getKey();
            if (e.getValue() > una) {
                ranges.put(una, e.getValue());
                bytes += e.getValue() - una;
                break;
            }
        }
        if (ranges.isEmpty()) {
            highest = 0;
        }
    }

    void clear() {
        ranges.clear();
        bytes = 0;
        highest = 0;
    }

    /** @return bytes selectively acknowledged */
    long bytes() {
        return bytes;
    }

    /** @return the end of the highest selectively acknowledged range, 0 when none */
    long highest() {
        return highest;
    }

    /** @return the first offset at or after {@code from} that is not selectively acknowledged */
    long nextUnsacked(long from) {
        Map.Entry<Long, Long> e = ranges.floorEntry(from);
        return e != null && e.getValue() > from ? e.getValue() : from;
    }

    /** @return the start of the first acknowledged range above {@code from}, or {@code Long.MAX_VALUE} */
    long nextSacked(long from) {
        Long k = ranges.higherKey(from);
        return k == null ? Long.MAX_VALUE : k;
    }

    /** @return bytes in holes (not acknowledged) within {@code [from, limit)} */
    long unsackedBetween(long from, long limit) {
        long holes = 0;
        long at = nextUnsacked(from);
        while (at < limit) {
            long end = Math.min(nextSacked(at), limit);
            holes += end - at;
            at = nextUnsacked(end);
        }
        return holes;
    }

    private void remove(long start, long end) {
        ranges.remove(start);
        bytes -= end - start;
    }
}
