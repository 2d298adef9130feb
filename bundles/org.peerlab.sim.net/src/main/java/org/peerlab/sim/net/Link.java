package org.peerlab.sim.net;

import java.util.ArrayDeque;

import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Event;
import org.peerlab.sim.Simulator;

/**
 * One direction of a link: a drop-tail queue in front of a transmitter that serializes packets at
 * the link rate, followed by propagation. A packet of {@code s} bytes occupies the transmitter for
 * {@code 8 s / bitsPerSecond} seconds; packets that find it busy wait in the queue, and a packet
 * that would overflow the queue's byte capacity is dropped. After serialization a packet is lost
 * with the link's loss probability, or arrives at the far node after the propagation delay plus a
 * jitter draw, but never before the packet serialized ahead of it (links are FIFO).
 *
 * <p>A link that is {@linkplain #down() down} drops everything queued, the packet being serialized
 * and everything offered to it until it is {@linkplain #up() up} again; packets already propagating
 * still arrive. Not thread-safe: simulation thread only.
 */
public final class Link {

    private final Simulator sim;
    private final Node from;
    private final Node to;
    private final LinkSpec spec;
    private final double nanosPerByte;
    private final long propagation;
    private final Dist jitter;
    private final RealDistribution jitterDistribution;
    private final RandomGenerator jitterRandom;
    private final RandomGenerator lossRandom;
    private final ArrayDeque<Packet> queue = new ArrayDeque<>();
    private final Event transmitted = this::transmitted;
    private long queuedBytes;
    private Packet transmitting;
    private double carry;
    private long lastArrival;
    private boolean up = true;
    private boolean discardCurrent;
    private long packets;
    private long bytes;
    private long queueDrops;
    private long lossDrops;
    private long downDrops;
    private long maxQueued;

    Link(Simulator sim, Node from, Node to, LinkSpec spec, RandomGenerator latencyRandom, RandomGenerator jitterRandom, RandomGenerator lossRandom) {
        this.sim = sim;
        this.from = from;
        this.to = to;
        this.spec = spec;
        this.nanosPerByte = 8e9 / spec.bitsPerSecond();
        this.propagation = Math.round(spec.latencyMs().sample(latencyRandom) * Simulator.MS);
        this.jitter = spec.jitterMs() instanceof Dist.Constant c && c.value() == 0 ? null : spec.jitterMs();
        // one distribution object bound to the stream, instead of one per packet: the same draws, far cheaper
        this.jitterDistribution = jitter instanceof Dist.Of of ? of.maker().apply(jitterRandom) : null;
        this.jitterRandom = jitterRandom;
        this.lossRandom = spec.lossProbability() > 0 ? lossRandom : null;
    }

    /** Offers a packet to this link: it is serialized now, queued, or dropped. */
    void send(Packet p) {
        if (!up) {
            downDrops++;
        } else if (transmitting == null) {
            start(p);
        } else if (queuedBytes + p.size > spec.queueBytes()) {
            queueDrops++;
        } else {
            queue.add(p);
            queuedBytes += p.size;
            maxQueued = Math.max(maxQueued, queuedBytes);
        }
    }

    private void start(Packet p) {
        transmitting = p;
        double nanos = p.size * nanosPerByte + carry;
        long whole = (long) nanos;
        carry = nanos - whole;
        sim.schedule(whole, transmitted);
    }

    private void transmitted() {
        Packet p = transmitting;
        if (discardCurrent) {
            discardCurrent = false;
        } else {
            packets++;
            bytes += p.size;
            if (lossRandom != null && lossRandom.nextDouble() < spec.lossProbability()) {
                lossDrops++;
            } else {
                long arrival = sim.now() + propagation;
                if (jitter != null) {
                    double ms = jitterDistribution != null ? Math.max(0, jitterDistribution.sample()) : jitter.sample(jitterRandom);
                    arrival += Math.round(ms * Simulator.MS);
                }
                arrival = Math.max(arrival, lastArrival);
                lastArrival = arrival;
                p.hop++;
                sim.at(arrival, p);
            }
        }
        Packet next = queue.poll();
        if (next == null) {
            transmitting = null;
        } else {
            queuedBytes -= next.size;
            start(next);
        }
    }

    /** Takes the link down: queued packets and the one being serialized are lost. */
    public void down() {
        if (!up) {
            return;
        }
        up = false;
        downDrops += queue.size() + (transmitting == null ? 0 : 1);
        queue.clear();
        queuedBytes = 0;
        // the packet being serialized stays the transmitter's until its end of serialization
        // fires (so that nothing starts before it), and is then discarded
        discardCurrent = transmitting != null;
    }

    /** Brings the link back up. */
    public void up() {
        up = true;
    }

    /** @return whether the link carries packets */
    public boolean isUp() {
        return up;
    }

    /** @return the sending end */
    public Node from() {
        return from;
    }

    /** @return the receiving end */
    public Node to() {
        return to;
    }

    /** @return the link's specification */
    public LinkSpec spec() {
        return spec;
    }

    /** @return the propagation delay drawn for this link, in nanoseconds */
    public long propagationNanos() {
        return propagation;
    }

    /** @return packets serialized (including those then lost), since the start */
    public long packetsTransmitted() {
        return packets;
    }

    /** @return bytes serialized onto the wire (headers included, lost packets included) */
    public long bytesTransmitted() {
        return bytes;
    }

    /** @return packets dropped because the queue was full */
    public long queueDrops() {
        return queueDrops;
    }

    /** @return packets lost at random after serialization */
    public long lossDrops() {
        return lossDrops;
    }

    /** @return packets dropped because the link was down */
    public long downDrops() {
        return downDrops;
    }

    /** @return bytes waiting in the queue now (not counting the packet being serialized) */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** @return the most bytes ever waiting in the queue */
    public long maxQueuedBytes() {
        return maxQueued;
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}
