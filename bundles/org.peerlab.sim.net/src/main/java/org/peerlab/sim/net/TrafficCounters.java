package org.peerlab.sim.net;

/** What one endpoint sent; mutable, updated per packet. */
final class TrafficCounters {
    long packets;
    long bytes;
    long payloadBytes;
    long retransmissions;
    long timeouts;
    long fastRetransmits;
    long lostRetransmissions;
}
