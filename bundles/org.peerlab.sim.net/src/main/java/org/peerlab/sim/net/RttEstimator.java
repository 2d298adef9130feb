package org.peerlab.sim.net;

/**
 * Round-trip time estimation and retransmission timeout as in RFC 6298: smoothed RTT and RTT
 * variance with gains 1/8 and 1/4, RTO = SRTT + max(G, 4 RTTVAR) bounded by the configured
 * minimum and maximum, doubled per consecutive timeout until a new sample. Nanoseconds.
 */
final class RttEstimator {

    /** Clock granularity G: 1 ms. */
    private static final long GRANULARITY = 1_000_000L;

    private final long min;
    private final long max;
    private double srtt = -1;
    private double rttvar;
    private long base;
    private int backoffs;

    RttEstimator(StreamConfig config) {
        this.min = config.minRto();
        this.max = config.maxRto();
        this.base = config.initialRto();
    }

    /** Takes one RTT measurement (never from a retransmitted segment: Karn's rule). */
    void sample(long rtt) {
        if (srtt < 0) {
            srtt = rtt;
            rttvar = rtt / 2.0;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - rtt);
            srtt = 0.875 * srtt + 0.125 * rtt;
        }
        base = Math.max(min, Math.min(max, (long) (srtt + Math.max(GRANULARITY, 4 * rttvar))));
        backoffs = 0;
    }

    /** Doubles the timeout after it expired. */
    void backoff() {
        if (backoffs < 30) {
            backoffs++;
        }
    }

    /** @return the current retransmission timeout in nanoseconds */
    long rto() {
        long rto = base;
        for (int i = 0; i < backoffs && rto < max; i++) {
            rto *= 2;
        }
        return Math.min(rto, max);
    }

    /** @return the smoothed RTT in nanoseconds, or -1 before the first sample */
    long smoothed() {
        return (long) srtt;
    }
}
