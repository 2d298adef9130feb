package org.peerlab.sim.net;

/**
 * What one end of a sim connection has sent so far, and its congestion state.
 *
 * @param packetsSent       packets sent (data, ACKs, control), retransmissions included
 * @param bytesSent         bytes put on the wire: headers plus payload, retransmissions included
 * @param payloadBytesSent  stream bytes carried (length prefixes and frames), retransmissions included
 * @param retransmissions   data segments (or FINs) sent again
 * @param timeouts          retransmission timer expiries
 * @param fastRetransmits   fast retransmits after three duplicate ACKs
 * @param congestionWindow  the current congestion window, in bytes
 * @param smoothedRttNanos  the smoothed round-trip time in nanoseconds, -1 before the first sample
 */
public record StreamStats(long packetsSent, long bytesSent, long payloadBytesSent, long retransmissions, long timeouts, long fastRetransmits,
        long congestionWindow, long smoothedRttNanos) {
}
