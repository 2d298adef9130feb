package org.peerlab.sim.net;

import java.util.Objects;

import org.peerlab.sim.Dist;

/**
 * How one direction of a link behaves. Immutable.
 *
 * @param bitsPerSecond   transmission rate in bits per second (a packet of {@code s} bytes takes
 *                        {@code 8 s / bitsPerSecond} seconds to serialize); positive
 * @param latencyMs       one-way propagation delay in <em>milliseconds</em>, drawn once per link
 *                        when the link is built (stream {@code latency})
 * @param jitterMs        extra delay in <em>milliseconds</em> drawn per packet (stream
 *                        {@code jitter}); packets of one link never overtake each other
 * @param lossProbability probability in [0, 1) that a packet is lost after it was serialized
 *                        (stream {@code loss})
 * @param queueBytes      capacity in bytes of the drop-tail queue in front of the link, not
 *                        counting the packet being serialized; zero or more
 */
public record LinkSpec(double bitsPerSecond, Dist latencyMs, Dist jitterMs, double lossProbability, long queueBytes) {

    /** Queue of a link built by {@link #of}: 1 MiB. */
    public static final long DEFAULT_QUEUE = 1 << 20;

    public LinkSpec {
        if (!(bitsPerSecond > 0) || Double.isInfinite(bitsPerSecond)) {
            throw new IllegalArgumentException("bitsPerSecond must be positive and finite, got " + bitsPerSecond);
        }
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(jitterMs, "jitterMs");
        if (!(lossProbability >= 0 && lossProbability < 1)) {
            throw new IllegalArgumentException("lossProbability must be in [0, 1), got " + lossProbability);
        }
        if (queueBytes < 0) {
            throw new IllegalArgumentException("queueBytes must be >= 0, got " + queueBytes);
        }
    }

    /** A link of {@code bitsPerSecond} and a constant {@code latencyMs}, no jitter, no loss, a {@value #DEFAULT_QUEUE}-byte queue. */
    public static LinkSpec of(double bitsPerSecond, double latencyMs) {
        return new LinkSpec(bitsPerSecond, Dist.constant(latencyMs), Dist.constant(0), 0, DEFAULT_QUEUE);
    }

    public LinkSpec withLatency(Dist latency) {
        return new LinkSpec(bitsPerSecond, latency, jitterMs, lossProbability, queueBytes);
    }

    public LinkSpec withJitter(Dist jitter) {
        return new LinkSpec(bitsPerSecond, latencyMs, jitter, lossProbability, queueBytes);
    }

    public LinkSpec withLoss(double probability) {
        return new LinkSpec(bitsPerSecond, latencyMs, jitterMs, probability, queueBytes);
    }

    public LinkSpec withQueue(long bytes) {
        return new LinkSpec(bitsPerSecond, latencyMs, jitterMs, lossProbability, bytes);
    }

    /** @return the bandwidth-delay product in bytes for a round trip of {@code rttNanos} nanoseconds */
    public long bdpBytes(long rttNanos) {
        return (long) (bitsPerSecond * rttNanos / 8e9);
    }
}
