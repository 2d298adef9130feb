package org.peerlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.sim.Event;
import org.peerlab.sim.Metrics;
import org.peerlab.sim.Simulator;

/**
 * Runs one {@link TransferSetup} on a simulator: builds a {@link Dumbbell} with the setup's
 * bottleneck, starts {@code flows} real secure transfers across it ({@link SimTransfer}, with
 * {@link PeerConfigs#pinned pinned identities}), runs until all are over or the time limit, and
 * reports per-flow results and fairness. File contents come from the stream {@code payload},
 * start times from {@code start}.
 *
 * <p>Published through {@code simulator.metrics()}: per flow the time series
 * {@code delivered-bytes/flow-<i>} and the observations {@code throughput-mbps},
 * {@code shared-throughput-mbps}, {@code handshake-ms} and {@code completion-s}; per run
 * {@code jain-index}, and the counters {@code retransmissions}, {@code queue-drops},
 * {@code loss-drops} and {@code failed-flows}.
 */
public final class TransferStudy {

    /** Port the senders listen on. */
    public static final int PORT = 7000;
    /** Queue of every access link, bytes: large, so that access links never drop. */
    static final long ACCESS_QUEUE = 32L << 20;
    private static final long CHECK_INTERVAL = 10 * Simulator.MS;

    private TransferStudy() {
    }

    /**
     * Runs the study from the simulator's current time. With payload elision, chunks are sealed by
     * a stand-in that does not encrypt (see {@link StudyResult#payloadElided()}).
     *
     * @throws org.peerlab.core.strategy.UnknownStrategyException if a named strategy is not installed
     */
    public static StudyResult run(Simulator sim, TransferSetup setup) {
        return run(sim, setup, d -> {
        });
    }

    /**
     * As {@link #run(Simulator, TransferSetup)}, letting {@code faults} attach link failures, crashes
     * or churn to the topology before the run starts.
     */
    public static StudyResult run(Simulator sim, TransferSetup setup, Consumer<Dumbbell> faults) {
        StrategyRegistry registry = setup.payloadElided() ? new ElidingRegistry(setup.registry()) : setup.registry();
        PeerConfigs configs = PeerConfigs.pinned(registry, setup.keyExchange(), setup.cipher());
        SimNetwork network = new SimNetwork(sim, setup.stream());
        LinkSpec access = LinkSpec.of(setup.accessBitsPerSecond(), setup.accessLatencyMs()).withJitter(setup.accessJitterMs()).withQueue(ACCESS_QUEUE);
        Dumbbell dumbbell = Dumbbell.build(network, setup.flows(), access, setup.bottleneck());
        faults.accept(dumbbell);
        RandomGenerator payload = sim.random().stream("payload");
        RandomGenerator start = sim.random().stream("start");
        long begin = sim.now();
        List<SimTransfer> transfers = new ArrayList<>();
        for (int i = 0; i < setup.flows(); i++) {
            SyntheticFile file = new SyntheticFile("flow-" + i + ".bin", payload.nextLong(), setup.fileBytes(), setup.payloadElided());
            SimTransfer t = new SimTransfer(dumbbell.left().get(i), dumbbell.right().get(i), file, setup.pieceSize(), configs.sender(),
                    configs.receiver(), setup.transport(), "flow-" + i);
            t.start(PORT, begin + Math.round(start.nextDouble() * setup.startSpreadMs() * Simulator.MS));
            transfers.add(t);
        }
        long limit = begin + Math.round(setup.timeLimitSeconds() * Simulator.SECOND);
        long events = sim.eventsFired();
        Event[] check = new Event[1];
        check[0] = () -> {
            if (transfers.stream().allMatch(SimTransfer::isOver)) {
                sim.stop();
            } else if (sim.now() + CHECK_INTERVAL <= limit) {
                sim.schedule(CHECK_INTERVAL, check[0]);
            }
        };
        sim.schedule(CHECK_INTERVAL, check[0]);
        sim.runUntil(limit);
        return summarize(sim, setup, dumbbell, transfers, sim.eventsFired() - events);
    }

    private static StudyResult summarize(Simulator sim, TransferSetup setup, Dumbbell dumbbell, List<SimTransfer> transfers, long events) {
        List<FlowResult> raw = transfers.stream().map(SimTransfer::result).toList();
        long from = raw.stream().mapToLong(FlowResult::dataStartNanos).max().orElse(-1);
        long to = raw.stream().filter(FlowResult::completed).mapToLong(FlowResult::completionNanos).min().orElse(sim.now());
        List<FlowResult> flows = new ArrayList<>();
        double[] shares = new double[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            FlowResult r = raw.get(i);
            double shared = r.goodputMbps();
            if (raw.size() > 1 && from >= 0 && to > from) {
                shared = (transfers.get(i).deliveredAt(to) - transfers.get(i).deliveredAt(from)) * 8e3 / (to - from);
            }
            shares[i] = shared;
            flows.add(r.withSharedGoodput(shared));
        }
        Link forward = dumbbell.bottleneck().forward();
        Link reverse = dumbbell.bottleneck().reverse();
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        StudyResult result = new StudyResult(setup, flows, StudyResult.jain(shares), sum, forward.bytesTransmitted(), forward.queueDrops(),
                forward.lossDrops() + reverse.lossDrops(), forward.maxQueuedBytes(), sim.now(), events, setup.payloadElided());
        publish(sim.metrics(), result);
        return result;
    }

    private static void publish(Metrics metrics, StudyResult result) {
        for (FlowResult f : result.flows()) {
            metrics.observe("throughput-mbps", f.goodputMbps());
            metrics.observe("shared-throughput-mbps", f.sharedGoodputMbps());
            if (f.authenticatedNanos() >= 0) {
                metrics.observe("handshake-ms", f.handshakeMs());
            }
            if (f.completed()) {
                metrics.observe("completion-s", (f.completionNanos() - f.startNanos()) / 1e9);
            } else {
                metrics.count("failed-flows", 1);
            }
            metrics.count("retransmissions", f.retransmissions());
        }
        metrics.observe("jain-index", result.jainIndex());
        metrics.count("queue-drops", result.queueDrops());
        metrics.count("loss-drops", result.lossDrops());
    }

    /**
     * The framing efficiency of a bulk transfer without losses: file bytes over wire bytes when
     * each piece travels as a CHUNK message (2-byte message header, 9-byte clear header, the
     * piece, the AEAD tag) with a 4-byte frame length, carried in MSS-sized segments of
     * {@code headerBytes} overhead each; HASHES messages (32 bytes per piece) included; the
     * handshake, offer and acknowledgements (which travel the other way) left out.
     */
    public static double idealFramingEfficiency(StreamConfig stream, long fileBytes, int pieceSize, int tagLength) {
        long pieces = (fileBytes + pieceSize - 1) / pieceSize;
        long hashMessages = (pieces + 16383) / 16384;
        double streamBytes = fileBytes + pieces * (2 + 9 + tagLength + 4) + pieces * 32.0 + hashMessages * (2 + 8 + tagLength + 4);
        double wire = streamBytes * (stream.mss() + stream.headerBytes()) / stream.mss();
        return fileBytes / wire;
    }

    /** @return the tag length in bytes of AEAD {@code cipher} in {@code registry} */
    public static int tagLength(StrategyRegistry registry, String cipher) {
        return registry.family(Aead.FAMILY).require(cipher, Aead.class).tagLength();
    }
}
