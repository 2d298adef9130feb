package org.peerlab.sim.net;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sending half of a {@link StreamEndpoint}: sequence state, the congestion window, the SACK
 * scoreboard, RTT estimation and retransmission decisions. Sequence numbers count stream bytes
 * from 0; the FIN takes the number after the last byte. New data goes out at {@code max}, the
 * highest sequence sent; retransmissions go out at {@code retransmitNext}, walking the holes the
 * scoreboard shows as lost (RFC 6675's pipe algorithm, simplified: a hole is lost once three
 * segments' worth above it is acknowledged, or, after a timeout, every hole is). A retransmission
 * that is itself lost is noticed as in RACK (RFC 8985): when data sent after it is acknowledged
 * while it is not, it is sent again at once instead of waiting for the timeout. Links never
 * reorder packets, so this inference is sound here.
 */
final class StreamSender {

    static final long NEVER = Long.MAX_VALUE;
    private static final int DUPLICATE_THRESHOLD = 3;

    final FramePipe outgoing = new FramePipe();
    final RenoWindow window;
    final RttEstimator rtt;
    final TrafficCounters counters = new TrafficCounters();
    private final StreamEndpoint endpoint;
    private final StreamConfig config;
    private final SackScoreboard sacks = new SackScoreboard();
    /** Segments retransmitted in the current recovery: start -> the highest sequence sent at the time. */
    private final TreeMap<Long, Long> resent = new TreeMap<>();
    long una;
    long max;
    private long finSeq = -1;
    private long retransmitNext;
    private long timedEnd = -1;
    private long timedAt;
    long rtoAt = NEVER;
    long lastProgress;

    StreamSender(StreamEndpoint endpoint, StreamConfig config, long now) {
        this.endpoint = endpoint;
        this.config = config;
        this.window = new RenoWindow(config.mss(), config.initialWindow());
        this.rtt = new RttEstimator(config);
        this.lastProgress = now;
    }

    /** @return stream bytes written but not yet acknowledged */
    long buffered() {
        long written = outgoing.written();
        return written - Math.min(una, written);
    }

    /** @return whether data (or the FIN) is outstanding */
    boolean outstanding() {
        return una < max;
    }

    /** @return whether the FIN was sent and acknowledged */
    boolean finAcknowledged() {
        return finSeq >= 0 && una > finSeq;
    }

    /** @return whether the FIN has been queued */
    boolean closing() {
        return finSeq >= 0;
    }

    /** Queues the FIN after everything written. */
    void finish(long now) {
        finSeq = outgoing.written();
        push(now);
    }

    /** Times the handshake's round trip (SYN or SYN-ACK sent at {@code now}). */
    void timeHandshake(long now) {
        timedEnd = 0;
        timedAt = now;
    }

    /** Karn's rule: what is being timed was retransmitted. */
    void untime() {
        timedEnd = -1;
    }

    /** The handshake completed at {@code now}: take its RTT sample unless it was retransmitted. */
    void handshakeDone(long now) {
        if (timedEnd == 0) {
            rtt.sample(now - timedAt);
        }
        timedEnd = -1;
        rtoAt = NEVER;
        lastProgress = now;
    }

    /** Handles the ACK fields of an arriving packet. */
    void onAck(long ack, long[] sack, boolean pure, long now) {
        if (ack > max) {
            return;
        }
        if (sack != null) {
            for (int i = 0; i + 1 < sack.length; i += 2) {
                sacks.add(sack[i], sack[i + 1], Math.max(ack, una));
            }
        }
        if (ack > una) {
            long acked = ack - una;
            una = ack;
            lastProgress = now;
            sacks.advance(una);
            if (!resent.isEmpty()) {
                resent.headMap(una).clear();
            }
            if (timedEnd >= 0 && ack >= timedEnd) {
                rtt.sample(now - timedAt);
                timedEnd = -1;
            }
            window.onNewAck(acked, ack);
            if (window.phase() == RenoWindow.Phase.OPEN) {
                resent.clear();
            }
            rtoAt = una < max ? now + rtt.rto() : NEVER;
            endpoint.connection.acknowledged();
        } else if (pure && ack == una && una < max && window.onDuplicateAck(sacks.bytes())) {
            counters.fastRetransmits++;
            window.enterRecovery(max - una, max);
            resent.clear();
            retransmitNext = una;
            retransmitHole(now, true);
        }
        push(now);
    }

    /** Sends what the windows allow: lost holes first during recovery, then new data and the FIN. */
    void push(long now) {
        if (endpoint.state != StreamEndpoint.State.ESTABLISHED) {
            return;
        }
        if (window.phase() == RenoWindow.Phase.OPEN) {
            long limit = window.window();
            while (sendNew(now, limit)) {
                // keep going
            }
            return;
        }
        long lostLimit = window.phase() == RenoWindow.Phase.LOSS ? window.recoveryPoint() : sacks.highest() - (long) DUPLICATE_THRESHOLD * config.mss();
        retransmitNext = Math.max(retransmitNext, una);
        resendIfLostAgain(now);
        long pipe = (max - una) - sacks.bytes() - sacks.unsackedBetween(retransmitNext, Math.min(lostLimit, max));
        long cwnd = window.window();
        while (cwnd - pipe >= Math.min(config.mss(), Math.max(1, cwnd))) {
            long hole = sacks.nextUnsacked(retransmitNext);
            long sent;
            if (hole < lostLimit && hole < max) {
                retransmitNext = hole;
                sent = retransmitHole(now, false);
            } else {
                long before = max;
                if (!sendNew(now, Long.MAX_VALUE)) {
                    return;
                }
                sent = max - before;
            }
            pipe += Math.max(sent, 1);
        }
    }

    /** The segment at {@code una} was retransmitted, but later data got through and it did not: send it again. */
    private void resendIfLostAgain(long now) {
        Map.Entry<Long, Long> e = resent.floorEntry(una);
        if (e != null && sacks.highest() > e.getValue() + (long) DUPLICATE_THRESHOLD * config.mss() && sacks.nextUnsacked(una) == una) {
            long next = retransmitNext;
            retransmitNext = una;
            retransmitHole(now, true);
            retransmitNext = Math.max(next, retransmitNext);
            counters.lostRetransmissions++;
        }
    }

    /** Sends one new segment (or the FIN) if within {@code limit} bytes in flight and the receive window. */
    private boolean sendNew(long now, long limit) {
        long written = outgoing.written();
        if (max < written) {
            int length = (int) Math.min(config.mss(), written - max);
            long inFlight = max - una;
            if (inFlight + length > config.receiveWindow() || inFlight > 0 && inFlight + length > limit) {
                return false;
            }
            segment(now, max, length, false);
            return true;
        }
        if (finSeq >= 0 && max == finSeq) {
            segment(now, finSeq, 0, true);
            return true;
        }
        return false;
    }

    /** Resends the segment at {@code retransmitNext} (up to the next acknowledged range); @return bytes resent */
    private long retransmitHole(long now, boolean first) {
        long at = retransmitNext;
        long end = Math.min(Math.min(sacks.nextSacked(at), max), at + config.mss());
        long written = outgoing.written();
        resent.put(at, max);
        if (at < written) {
            int length = (int) (Math.min(end, written) - at);
            segment(now, at, length, false);
            retransmitNext = at + length;
            return length;
        }
        if (at == finSeq) {
            segment(now, finSeq, 0, true);
            retransmitNext = finSeq + 1;
            return 1;
        }
        return first ? 0 : 1;
    }

    private void segment(long now, long seq, int length, boolean fin) {
        long end = seq + length + (fin ? 1 : 0);
        if (seq < max) {
            counters.retransmissions++;
            timedEnd = -1;
        } else if (timedEnd < 0) {
            timedEnd = end;
            timedAt = now;
        }
        max = Math.max(max, end);
        if (rtoAt == NEVER) {
            rtoAt = now + rtt.rto();
        }
        endpoint.emit(Packet.ACK | (fin ? Packet.FIN : 0), seq, length, null);
    }

    /**
     * The retransmission timer expired while established.
     *
     * @return false if the user timeout has passed: the connection must be aborted
     */
    boolean timeout(long now) {
        if (now - lastProgress >= config.userTimeout()) {
            return false;
        }
        if (una >= max) {
            rtoAt = NEVER;
            return true;
        }
        counters.timeouts++;
        rtt.backoff();
        timedEnd = -1;
        window.onTimeout(max - una, max);
        resent.clear();
        retransmitNext = una;
        rtoAt = NEVER;
        retransmitHole(now, true);
        rtoAt = now + rtt.rto();
        return true;
    }
}
