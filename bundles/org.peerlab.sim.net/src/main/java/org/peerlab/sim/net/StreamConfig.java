package org.peerlab.sim.net;

import org.peerlab.sim.Simulator;

/**
 * Settings of the simulated reliable stream protocol (a simplified TCP NewReno). Sizes in bytes,
 * times in nanoseconds of virtual time.
 *
 * @param mss                 most payload bytes per segment (TCP's maximum segment size)
 * @param headerBytes         header bytes per packet (IPv4 + TCP without options: 40); a data
 *                            packet is {@code headerBytes + payload} on the wire, a pure ACK,
 *                            SYN, FIN or RST {@code headerBytes}
 * @param initialWindow       initial congestion window in segments (RFC 6928: 10)
 * @param receiveWindow       the receiver's advertised window; the application reads frames as
 *                            soon as they are complete, so the window stays at this size
 * @param initialRto          retransmission timeout before the first RTT sample (RFC 6298: 1 s)
 * @param minRto              lower bound of the retransmission timeout (Linux: 200 ms)
 * @param maxRto              upper bound of the retransmission timeout after back-off
 * @param userTimeout         a connection whose data (or SYN, or FIN) goes unacknowledged this long
 *                            is aborted with a timeout (RFC 5482's user timeout)
 * @param keepaliveIdle       silence from the peer after which an idle connection probes it
 * @param keepaliveInterval   time between unanswered probes
 * @param keepaliveProbes     unanswered probes after which the connection is aborted
 * @param delayedAck          longest delay of an acknowledgement
 * @param ackEvery            in-order segments acknowledged together (2: delayed ACKs)
 */
public record StreamConfig(int mss, int headerBytes, int initialWindow, long receiveWindow, long initialRto, long minRto, long maxRto,
        long userTimeout, long keepaliveIdle, long keepaliveInterval, int keepaliveProbes, long delayedAck, int ackEvery) {

    public StreamConfig {
        positive("mss", mss);
        positive("headerBytes", headerBytes);
        positive("initialWindow", initialWindow);
        positive("ackEvery", ackEvery);
        positive("keepaliveProbes", keepaliveProbes);
        if (receiveWindow < mss) {
            throw new IllegalArgumentException("receiveWindow (" + receiveWindow + ") must hold at least one segment of " + mss + " bytes");
        }
        if (minRto <= 0 || initialRto < minRto || maxRto < initialRto) {
            throw new IllegalArgumentException("need 0 < minRto <= initialRto <= maxRto, got " + minRto + ", " + initialRto + ", " + maxRto);
        }
        if (userTimeout <= 0 || keepaliveIdle <= 0 || keepaliveInterval <= 0 || delayedAck <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * MSS 1460, 40-byte headers, initial window 10, 6 MiB receive window, RTO 1 s initially and
     * 200 ms to 60 s, user timeout 10 s, keep-alive after 5 s with 3 probes 1 s apart, delayed
     * ACKs every 2 segments or 40 ms.
     */
    public static StreamConfig defaults() {
        return new StreamConfig(1460, 40, 10, 6L << 20, Simulator.SECOND, 200 * Simulator.MS, 60 * Simulator.SECOND, 10 * Simulator.SECOND,
                5 * Simulator.SECOND, Simulator.SECOND, 3, 40 * Simulator.MS, 2);
    }

    /** @return a copy with another MSS */
    public StreamConfig withMss(int bytes) {
        return new StreamConfig(bytes, headerBytes, initialWindow, receiveWindow, initialRto, minRto, maxRto, userTimeout, keepaliveIdle,
                keepaliveInterval, keepaliveProbes, delayedAck, ackEvery);
    }

    /** @return a copy with another receive window, in bytes */
    public StreamConfig withReceiveWindow(long bytes) {
        return new StreamConfig(mss, headerBytes, initialWindow, bytes, initialRto, minRto, maxRto, userTimeout, keepaliveIdle,
                keepaliveInterval, keepaliveProbes, delayedAck, ackEvery);
    }

    /** @return a copy with another user timeout, in nanoseconds */
    public StreamConfig withUserTimeout(long nanos) {
        return new StreamConfig(mss, headerBytes, initialWindow, receiveWindow, initialRto, minRto, maxRto, nanos, keepaliveIdle,
                keepaliveInterval, keepaliveProbes, delayedAck, ackEvery);
    }

    /** @return the fraction of a full data packet that is payload: {@code mss / (mss + headerBytes)} */
    public double segmentEfficiency() {
        return (double) mss / (mss + headerBytes);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
