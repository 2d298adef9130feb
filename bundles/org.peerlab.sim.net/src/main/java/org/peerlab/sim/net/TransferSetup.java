package org.peerlab.sim.net;

import java.util.Objects;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.sim.Dist;

/**
 * One point of a transfer study: {@code flows} transfers of {@code fileBytes} each, from the left
 * to the right hosts of a {@link Dumbbell} whose bottleneck is described here. Access links are
 * much faster than the bottleneck, so queues build at the bottleneck only. Build with
 * {@link #builder(StrategyRegistry)}.
 *
 * @param bottleneckBitsPerSecond bottleneck rate, bits per second (each direction)
 * @param latencyMs               bottleneck one-way propagation delay, milliseconds (drawn per direction)
 * @param jitterMs                bottleneck per-packet jitter, milliseconds
 * @param lossProbability         bottleneck random loss per packet, each direction, in [0, 1)
 * @param queueBytes              bottleneck drop-tail queue, bytes
 * @param flows                   concurrent transfers sharing the bottleneck, at least 1
 * @param fileBytes               size of each transferred file, bytes
 * @param pieceSize               the protocol's piece size, bytes (power of two, 16 KiB to 1 MiB)
 * @param cipher                  the AEAD strategy, e.g. {@code aes-256-gcm}
 * @param keyExchange             the key-exchange strategy, e.g. {@code x25519}
 * @param payloadElided           whether chunk contents skip real encryption and hashing (wire sizes stay exact)
 * @param registry                where strategies are looked up
 * @param accessBitsPerSecond     every access link's rate, bits per second
 * @param accessLatencyMs         every access link's one-way delay, milliseconds
 * @param accessJitterMs          every access link's per-packet jitter, milliseconds: host and
 *                                NIC scheduling noise, which keeps identical flows from falling
 *                                into lock-step at a drop-tail queue (Floyd and Jacobson's phase effects)
 * @param startSpreadMs           flows start at times drawn uniformly from [0, spread) milliseconds
 *                                (stream {@code start}); 0 starts all at once
 * @param timeLimitSeconds        virtual time after which the study stops, finished or not
 * @param stream                  the stream protocol's settings
 * @param transport               sim transport parameters (frame size, water marks)
 */
public record TransferSetup(double bottleneckBitsPerSecond, Dist latencyMs, Dist jitterMs, double lossProbability, long queueBytes, int flows,
        long fileBytes, int pieceSize, String cipher, String keyExchange, boolean payloadElided, StrategyRegistry registry,
        double accessBitsPerSecond, double accessLatencyMs, Dist accessJitterMs, double startSpreadMs, double timeLimitSeconds, StreamConfig stream,
        Parameters transport) {

    public TransferSetup {
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(jitterMs, "jitterMs");
        Objects.requireNonNull(accessJitterMs, "accessJitterMs");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(transport, "transport");
        if (flows < 1) {
            throw new IllegalArgumentException("flows must be >= 1, got " + flows);
        }
        if (fileBytes < 0) {
            throw new IllegalArgumentException("fileBytes must be >= 0, got " + fileBytes);
        }
        if (startSpreadMs < 0 || !(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("startSpreadMs must be >= 0 and timeLimitSeconds > 0");
        }
        new LinkSpec(bottleneckBitsPerSecond, latencyMs, jitterMs, lossProbability, queueBytes);
        LinkSpec.of(accessBitsPerSecond, accessLatencyMs);
    }

    /** @return the bottleneck's specification (the same in both directions) */
    public LinkSpec bottleneck() {
        return new LinkSpec(bottleneckBitsPerSecond, latencyMs, jitterMs, lossProbability, queueBytes);
    }

    /** @return the mean round-trip propagation delay in nanoseconds (no queueing, no serialization) */
    public long meanRttNanos() {
        return Math.round((2 * latencyMs.mean() + 4 * accessLatencyMs) * 1e6);
    }

    /**
     * Defaults: 100 Mbit/s, 20 ms, no jitter, no loss, queue of one bandwidth-delay product, one
     * flow of 64 MiB in 256 KiB pieces, x25519 and aes-256-gcm, real payload, access links
     * 10 times the bottleneck with 0.05 ms and jitter uniform in [0, 0.1] ms, all flows at once, 600 s limit, default stream and
     * transport settings.
     */
    public static Builder builder(StrategyRegistry registry) {
        return new Builder(registry);
    }

    /** Collects a setup's values; each setter returns the builder. */
    public static final class Builder {
        private final StrategyRegistry registry;
        private double bandwidth = 100e6;
        private Dist latency = Dist.constant(20);
        private Dist jitter = Dist.constant(0);
        private double loss;
        private long queue = -1;
        private int flows = 1;
        private long fileBytes = 64L << 20;
        private int pieceSize = 256 << 10;
        private String cipher = "aes-256-gcm";
        private String keyExchange = "x25519";
        private boolean elided;
        private double accessBandwidth = -1;
        private double accessLatency = 0.05;
        private Dist accessJitter = Dist.uniform(0, 0.1);
        private double startSpread;
        private double timeLimit = 600;
        private StreamConfig stream = StreamConfig.defaults();
        private Parameters transport = SimTransport.describe().defaults();

        private Builder(StrategyRegistry registry) {
            this.registry = registry;
        }

        public Builder bottleneck(double bitsPerSecond, double latencyMs) {
            this.bandwidth = bitsPerSecond;
            this.latency = Dist.constant(latencyMs);
            return this;
        }

        public Builder latency(Dist ms) {
            this.latency = ms;
            return this;
        }

        public Builder jitter(Dist ms) {
            this.jitter = ms;
            return this;
        }

        public Builder loss(double probability) {
            this.loss = probability;
            return this;
        }

        /** Bottleneck queue in bytes; by default one bandwidth-delay product of the mean RTT. */
        public Builder queue(long bytes) {
            this.queue = bytes;
            return this;
        }

        public Builder flows(int n) {
            this.flows = n;
            return this;
        }

        public Builder file(long bytes, int piece) {
            this.fileBytes = bytes;
            this.pieceSize = piece;
            return this;
        }

        public Builder cipher(String name) {
            this.cipher = name;
            return this;
        }

        public Builder keyExchange(String name) {
            this.keyExchange = name;
            return this;
        }

        public Builder payloadElided(boolean elide) {
            this.elided = elide;
            return this;
        }

        /** Access links; by default 10 times the bottleneck rate and 0.05 ms. */
        public Builder access(double bitsPerSecond, double latencyMs) {
            this.accessBandwidth = bitsPerSecond;
            this.accessLatency = latencyMs;
            return this;
        }

        /** Access links' per-packet jitter in milliseconds; by default uniform from 0 to 0.1 ms. */
        public Builder accessJitter(Dist ms) {
            this.accessJitter = ms;
            return this;
        }

        public Builder startSpread(double ms) {
            this.startSpread = ms;
            return this;
        }

        public Builder timeLimit(double seconds) {
            this.timeLimit = seconds;
            return this;
        }

        public Builder stream(StreamConfig config) {
            this.stream = config;
            return this;
        }

        public Builder transport(Parameters parameters) {
            this.transport = parameters;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid value */
        public TransferSetup build() {
            double access = accessBandwidth > 0 ? accessBandwidth : 10 * bandwidth;
            long q = queue >= 0 ? queue : (long) (bandwidth * (2 * latency.mean() + 4 * accessLatency) / 8e3);
            return new TransferSetup(bandwidth, latency, jitter, loss, q, flows, fileBytes, pieceSize, cipher, keyExchange, elided, registry, access,
                    accessLatency, accessJitter, startSpread, timeLimit, stream, transport);
        }
    }
}
