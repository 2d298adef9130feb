package org.peerlab.sim.net;

/**
 * Reno congestion control with SACK-based loss recovery (RFC 5681, RFC 6675), in bytes. Open:
 * slow start (growth by the bytes acknowledged, at most 2 segments per ACK as in RFC 3465) below
 * the threshold, then congestion avoidance (about one segment per round trip). Recovery, entered
 * on the third duplicate ACK or when three segments' worth is selectively acknowledged: threshold
 * and window halved, until everything sent before it is acknowledged. Loss, entered on a
 * retransmission timeout: window one segment, threshold half the window, slow start again.
 */
final class RenoWindow {

    enum Phase { OPEN, RECOVERY, LOSS }

    private final int mss;
    private double cwnd;
    private double ssthresh = Double.MAX_VALUE;
    private int duplicates;
    private Phase phase = Phase.OPEN;
    private long recover;

    RenoWindow(int mss, int initialSegments) {
        this.mss = mss;
        this.cwnd = (double) mss * initialSegments;
    }

    /** @return the congestion window in bytes */
    long window() {
        return (long) cwnd;
    }

    Phase phase() {
        return phase;
    }

    /** @return the highest sequence sent when recovery or loss began */
    long recoveryPoint() {
        return recover;
    }

    /** New data was acknowledged up to {@code ack}, {@code acked} bytes of it new. */
    void onNewAck(long acked, long ack) {
        duplicates = 0;
        if (phase == Phase.RECOVERY) {
            if (ack >= recover) {
                phase = Phase.OPEN;
                cwnd = ssthresh;
            }
            return;
        }
        if (phase == Phase.LOSS && ack >= recover) {
            phase = Phase.OPEN;
        }
        if (cwnd < ssthresh) {
            cwnd += Math.min(acked, 2L * mss);
        } else {
            cwnd += (double) mss * acked / cwnd;
        }
    }

    /**
     * A duplicate ACK arrived while data was outstanding.
     *
     * @param sacked bytes the receiver holds above the cumulative ACK
     * @return whether a loss is now evident and recovery should start
     */
    boolean onDuplicateAck(long sacked) {
        duplicates++;
        return phase == Phase.OPEN && (duplicates >= 3 || sacked >= 3L * mss);
    }

    /** Starts fast recovery with {@code flight} bytes outstanding and {@code max} the highest sequence sent. */
    void enterRecovery(long flight, long max) {
        // half of the window rather than of all outstanding data: with SACK much of that may
        // already have arrived (as Linux does)
        ssthresh = Math.max(Math.min(flight, cwnd) / 2.0, 2.0 * mss);
        cwnd = ssthresh;
        phase = Phase.RECOVERY;
        recover = max;
    }

    /** The retransmission timer expired with {@code flight} bytes outstanding, {@code max} the highest sequence sent. */
    void onTimeout(long flight, long max) {
        if (phase != Phase.LOSS) {
            ssthresh = Math.max(Math.min(flight, cwnd) / 2.0, 2.0 * mss);
        }
        cwnd = mss;
        duplicates = 0;
        phase = Phase.LOSS;
        recover = max;
    }
}
