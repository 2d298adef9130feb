package org.peerlab.sim.net;

import org.peerlab.sim.Event;

/**
 * One packet of the stream protocol: a header (ports, flags, sequence and acknowledgement
 * numbers) and a length. Payload bytes are not copied into packets: a segment names the range
 * {@code [seq, seq + length)} of the sender's {@link FramePipe}, which the receiver reads once the
 * range has arrived in order. Source-routed: {@link #route} is the path, {@link #hop} the next link.
 * As an {@link Event} it is the packet's arrival at the end of the link it just crossed.
 */
final class Packet implements Event {

    static final int SYN = 1;
    static final int ACK = 2;
    static final int FIN = 4;
    static final int RST = 8;
    /** Keep-alive probe: the peer answers with an ACK. */
    static final int PROBE = 16;

    final Host source;
    final Host destination;
    final int sourcePort;
    final int destinationPort;
    final int flags;
    final long seq;
    final long ack;
    /** Payload bytes carried. */
    final int length;
    /** Bytes on the wire: header plus payload. */
    final int size;
    /** SYN and SYN-ACK only: the stream the sender of this packet writes to. */
    final FramePipe stream;
    /** SACK blocks ({@code start, end} pairs) when the receiver holds data above the ACK, else null. */
    final long[] sack;
    final Link[] route;
    int hop;

    Packet(Host source, Host destination, int sourcePort, int destinationPort, int flags, long seq, long ack, int length, int size,
            FramePipe stream, long[] sack, Link[] route) {
        this.source = source;
        this.destination = destination;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.flags = flags;
        this.seq = seq;
        this.ack = ack;
        this.length = length;
        this.size = size;
        this.stream = stream;
        this.sack = sack;
        this.route = route;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public void fire() {
        if (hop < route.length) {
            route[hop].send(this);
        } else {
            destination.receive(this);
        }
    }
}
