package org.peerlab.experiment.workloads;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.MetricInfo;
import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.RunContext;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.Workload;
import org.peerlab.sim.Dist;
import org.peerlab.sim.net.Churn;
import org.peerlab.sim.net.FlowResult;
import org.peerlab.sim.net.Host;
import org.peerlab.sim.net.LinkFaults;
import org.peerlab.sim.net.StudyResult;
import org.peerlab.sim.net.TransferSetup;
import org.peerlab.sim.net.TransferStudy;

/**
 * Secure transfers over a simulated dumbbell: {@code workload.flows} senders each move a
 * synthetic file to their own receiver across one shared bottleneck, running PeerLab's transfer
 * protocol unchanged (handshake, identities, AEAD chunks, piece hashes) over the {@code sim}
 * transport's TCP-like stream. Throughput, fairness and loss sensitivity come out of the link
 * queues and the congestion window, not from a formula.
 *
 * <p>Parameters: {@code workload.file-size-mib} (64), {@code workload.piece-kib} (256),
 * {@code workload.flows} (1), {@code workload.payload-elided} (false),
 * {@code workload.start-spread-ms} (0), {@code workload.check-line-rate} (false: when true, adds
 * the expectations "goodput = bandwidth x framing efficiency, within 5%" for one flow and
 * "each of n flows gets 1/n, Jain index about 1" for several), {@code workload.expect};
 * {@code network.bandwidth-mbps} (100), {@code network.latency-ms} (20, one way, a number or a
 * distribution), {@code network.jitter-ms} (0), {@code network.loss} (0),
 * {@code network.queue-bdp} (1: the bottleneck queue in bandwidth-delay products),
 * {@code network.time-limit-s} (600), {@code network.failures} (bottleneck failures:
 * {@code time-to-failure-s} and {@code time-to-repair-s}, distributions in seconds);
 * {@code population.crashes} (every receiver crashes and recovers: {@code uptime-s},
 * {@code downtime-s}; a crashed receiver's transfer fails, as the protocol's connection does);
 * {@code strategies.aead} (aes-256-gcm), {@code strategies.key-exchange} (x25519).
 */
@Component(service = Workload.class)
public class TransferWorkload implements Workload {

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public String describe() {
        return "secure transfers (real handshake and AEAD) across a shared simulated bottleneck; goodput, fairness, handshake time";
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(new MetricInfo("throughput-mbps", MetricKind.OBSERVATION, "file bytes over the data phase, per flow, Mbit/s"),
                new MetricInfo("shared-throughput-mbps", MetricKind.OBSERVATION, "goodput while every flow was sending, per flow, Mbit/s"),
                new MetricInfo("handshake-ms", MetricKind.OBSERVATION, "connect to authenticated, per flow"),
                new MetricInfo("completion-s", MetricKind.OBSERVATION, "connect to verified file, per flow"),
                new MetricInfo("jain-index", MetricKind.OBSERVATION, "Jain's fairness index of the flows' shared goodput"),
                new MetricInfo("framing-efficiency", MetricKind.OBSERVATION, "file bytes over bytes the sender put on the wire, per flow"),
                new MetricInfo("line-rate-share", MetricKind.OBSERVATION, "goodput over bandwidth x ideal framing efficiency / flows"),
                new MetricInfo("retransmissions", MetricKind.COUNTER, "segments sent again"),
                new MetricInfo("queue-drops", MetricKind.COUNTER, "packets dropped by full queues"),
                new MetricInfo("loss-drops", MetricKind.COUNTER, "packets lost by the links' loss probability"),
                new MetricInfo("failed-flows", MetricKind.COUNTER, "flows that did not complete and verify"),
                new MetricInfo("link-outages", MetricKind.COUNTER, "bottleneck failures (network.failures)"),
                new MetricInfo("crashes", MetricKind.COUNTER, "receiver crashes (population.crashes)"),
                new MetricInfo("delivered-bytes", MetricKind.SERIES, "bytes delivered to each receiver over time (delivered-bytes/flow-i)"));
    }

    @Override
    public void validate(Params params) throws ScenarioException {
        read(params, null);
        ExpectationParams.read(params.get("workload"), null, List.of());
    }

    /** The setup one point describes; {@code registry} null only checks the parameters. */
    private static TransferSetup read(Params params, StrategyRegistry registry) throws ScenarioException {
        Params w = params.get("workload");
        w.allowOnly("name", "file-size-mib", "piece-kib", "flows", "payload-elided", "start-spread-ms", "check-line-rate", "expect");
        Params n = params.get("network");
        n.allowOnly("bandwidth-mbps", "latency-ms", "jitter-ms", "loss", "queue-bdp", "time-limit-s", "access-mbps", "failures");
        params.get("population").allowOnly("crashes");
        faults(params);
        double sizeMib = w.number("file-size-mib", 64, 0, 1 << 20);
        long piece = w.integer("piece-kib", 256, 16, 1024);
        if (Long.bitCount(piece) != 1) {
            throw w.get("piece-kib").problem("must be a power of two between 16 and 1024, got " + piece);
        }
        int flows = (int) w.integer("flows", 1, 1, 10_000);
        double mbps = n.number("bandwidth-mbps", 100, 0.001, 1e6);
        Dist latency = DistParams.read(n, "latency-ms", Dist.constant(20), 0, 10_000);
        Dist jitter = DistParams.read(n, "jitter-ms", Dist.constant(0), 0, 10_000);
        double loss = n.number("loss", 0, 0, 0.5);
        double queueBdp = n.number("queue-bdp", 1, 0.01, 1000);
        double limit = n.number("time-limit-s", 600, 1, 1e7);
        double accessMbps = n.number("access-mbps", 10 * mbps, 0.001, 1e7);
        boolean elided = w.bool("payload-elided", false);
        double spread = w.number("start-spread-ms", 0, 0, 1e7);
        w.bool("check-line-rate", false);
        Params s = params.get("strategies");
        String cipher = s.string(Aead.FAMILY, "aes-256-gcm");
        String kx = s.string(KeyExchange.FAMILY, "x25519");
        if (registry == null) {
            return null;
        }
        double rttSeconds = 2 * latency.mean() / 1000;
        long queue = Math.max(3000, Math.round(queueBdp * mbps * 1e6 / 8 * rttSeconds));
        return TransferSetup.builder(registry).bottleneck(mbps * 1e6, latency.mean()).latency(latency).jitter(jitter).loss(loss).queue(queue)
                .flows(flows).file(Math.round(sizeMib * 1048576), (int) piece * 1024).cipher(cipher).keyExchange(kx).payloadElided(elided)
                .access(accessMbps * 1e6, 0.05).startSpread(spread).timeLimit(limit).build();
    }

    /** Faults a point asks for; null distributions mean none. */
    private record Faults(Dist timeToFailure, Dist timeToRepair, Dist uptime, Dist downtime) {
    }

    private static Faults faults(Params params) throws ScenarioException {
        Params f = params.get("network").get("failures");
        f.allowOnly("time-to-failure-s", "time-to-repair-s");
        Params c = params.get("population").get("crashes");
        c.allowOnly("uptime-s", "downtime-s");
        Dist ttf = null;
        Dist ttr = null;
        Dist up = null;
        Dist down = null;
        if (f.present()) {
            ttf = DistParams.read(f.required("bottleneck failures"), "time-to-failure-s", null, 0.001, 1e9);
            ttr = DistParams.read(f, "time-to-repair-s", null, 0, 1e9);
            if (ttf == null || ttr == null) {
                throw f.problem("needs both time-to-failure-s and time-to-repair-s (seconds, numbers or distributions)");
            }
        }
        if (c.present()) {
            up = DistParams.read(c, "uptime-s", null, 0.001, 1e9);
            down = DistParams.read(c, "downtime-s", null, 0, 1e9);
            if (up == null || down == null) {
                throw c.problem("needs both uptime-s and downtime-s (seconds, numbers or distributions)");
            }
        }
        return new Faults(ttf, ttr, up, down);
    }

    @Override
    public RunOutput run(RunContext context) throws Exception {
        StrategyRegistry registry = context.registry().orElseThrow(() -> new IllegalStateException("the transfer workload needs the strategy registry"));
        TransferSetup setup = read(context.params(), registry);
        Faults faults = faults(context.params());
        long until = Math.round(setup.timeLimitSeconds() * 1e9);
        LinkFaults links = new LinkFaults(context.simulator());
        Churn churn = new Churn(context.simulator());
        StudyResult result = TransferStudy.run(context.simulator(), setup, dumbbell -> {
            if (faults.timeToFailure() != null) {
                links.failures(dumbbell.bottleneck(), faults.timeToFailure(), faults.timeToRepair(), until);
            }
            if (faults.uptime() != null) {
                for (Host receiver : dumbbell.right()) {
                    churn.crashes(receiver, faults.uptime(), faults.downtime(), until, h -> { });
                }
            }
        });
        // counted even when zero, so that every point has a figure for them
        context.metrics().count("failed-flows", 0);
        context.metrics().count("retransmissions", 0);
        context.metrics().count("queue-drops", 0);
        context.metrics().count("loss-drops", 0);
        context.metrics().count("link-outages", links.outages());
        context.metrics().count("crashes", churn.crashes());
        double ideal = TransferStudy.idealFramingEfficiency(setup.stream(), setup.fileBytes(), setup.pieceSize(), TransferStudy.tagLength(registry, setup.cipher()));
        double fairShare = setup.bottleneckBitsPerSecond() / 1e6 * ideal / setup.flows();
        for (FlowResult f : result.flows()) {
            context.metrics().observe("framing-efficiency", f.framingEfficiency());
            context.metrics().observe("line-rate-share", f.sharedGoodputMbps() / fairShare);
        }
        RunOutput out = RunOutput.empty();
        if (setup.payloadElided()) {
            out = out.withNote("Payload elided: chunk contents were not encrypted or hashed for real (a stand-in AEAD under the same name copies the bytes and adds a zero tag); handshakes, keys and identities were real and every size on the wire is exact.");
        } else {
            out = out.withNote("Every chunk was sealed with " + setup.cipher() + " and every piece hashed and verified by the receiver; "
                    + (result.allVerified() ? "all files verified." : "some files did not verify (see failed-flows)."));
        }
        out = out.withNote(String.format(java.util.Locale.ROOT,
                "Ideal framing efficiency %.4f (%d-byte segments with %d bytes of headers; per piece a chunk header, the %s tag, a frame length and a 32-byte hash).",
                ideal, setup.stream().mss(), setup.stream().headerBytes(), setup.cipher()));
        Params w = context.params().get("workload");
        if (w.bool("check-line-rate", false)) {
            if (setup.flows() == 1 && setup.lossProbability() == 0) {
                out = out.expecting(new Expectation("one flow reaches bandwidth x framing efficiency within 5%", "throughput-mbps", fairShare, 0.05 * fairShare));
            } else if (setup.flows() > 1 && setup.lossProbability() == 0) {
                out = out.expecting(new Expectation("each of " + setup.flows() + " flows gets 1/" + setup.flows() + " of bandwidth x framing efficiency, within 5%",
                        "shared-throughput-mbps", fairShare, 0.05 * fairShare));
                out = out.expecting(new Expectation("the flows share fairly (Jain index 1, within 0.05)", "jain-index", 1, 0.05));
            }
        }
        for (Expectation e : ExpectationParams.read(w, ExpectationParams.swept(context.point()), List.of())) {
            out = out.expecting(e);
        }
        return out;
    }
}
