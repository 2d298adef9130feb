package org.peerlab.storage.sim.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.MetricInfo;
import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.RunContext;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.Workload;
import org.peerlab.experiment.workloads.ExpectationParams;
import org.peerlab.sim.Metrics;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.ParameterText;

/**
 * The storage protocols themselves on the simulated network: the real coordinator and node state
 * machines, wire codec, signed orders, audit and reputation strategies, repair planning, and the
 * client's segment code, with every message carried by the simulated TCP streams. Parameters and
 * metrics: {@code simulation/README.md}, workload {@code storage-network}; the run is
 * {@link NetworkStudy}.
 */
@Component(service = Workload.class)
public class StorageNetworkWorkload implements Workload {

    private static final long DEFAULT_DAYS = 4;
    private static final double HOUR_MS = 3_600_000.0;

    @Override
    public String name() {
        return "storage-network";
    }

    @Override
    public String describe() {
        return "the storage coordinator and node state machines over the simulated packet network: puts, audits, containment,"
                + " reputation, disqualification and repair with churning, departing and misbehaving nodes; every file got back and"
                + " compared at the end";
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(
                new MetricInfo("puts-acknowledged", MetricKind.COUNTER, "files the coordinator acknowledged (PUT_ACK)"),
                new MetricInfo("put-failures", MetricKind.COUNTER, "puts that failed every attempt (each attempt aborted)"),
                new MetricInfo("put-retries", MetricKind.COUNTER, "put attempts that failed and were started again"),
                new MetricInfo("files-verified", MetricKind.COUNTER, "acknowledged files got back at the end with identical bytes"),
                new MetricInfo("files-lost", MetricKind.COUNTER, "acknowledged files that could not be got back intact at the end"),
                new MetricInfo("audits", MetricKind.COUNTER, "audits that came to a verdict (passed or failed)"),
                new MetricInfo("failed-audits", MetricKind.COUNTER, "audits that failed (wrong answer, NOT_FOUND, or no answer after re-asks)"),
                new MetricInfo("timed-out-audits", MetricKind.COUNTER, "failed audits that were never answered in time"),
                new MetricInfo("contained-audits", MetricKind.COUNTER, "timeouts that put a node in containment"),
                new MetricInfo("failed-audits-intact", MetricKind.COUNTER, "answered audits of intact shards that failed (false alarms)"),
                new MetricInfo("detection-probability", MetricKind.OBSERVATION,
                        "share of answered audits of damaged shards (partial nodes) that failed"),
                new MetricInfo("detection-analytic", MetricKind.OBSERVATION, "1 - (1 - f)^c for the damaged fraction f of a shard's blocks"),
                new MetricInfo("detection-probability.dropping", MetricKind.OBSERVATION,
                        "share of answered audits of shards a dropping node deleted that failed"),
                new MetricInfo("time-to-first-failure-h", MetricKind.OBSERVATION,
                        "hours from the start of misbehaviour to the node's first failed audit (also .dropping, .partial, .late)"),
                new MetricInfo("time-to-disqualification-h", MetricKind.OBSERVATION,
                        "hours from the start of misbehaviour to disqualification (also .dropping, .partial, .late)"),
                new MetricInfo("misbehaving-detected", MetricKind.OBSERVATION, "share of misbehaving nodes that failed an audit"),
                new MetricInfo("misbehaving-disqualified", MetricKind.OBSERVATION,
                        "share of misbehaving nodes disqualified by the end (also .dropping, .partial, .late)"),
                new MetricInfo("false-disqualifications", MetricKind.COUNTER, "honest nodes disqualified"),
                new MetricInfo("false-disqualification-rate", MetricKind.OBSERVATION, "share of honest nodes disqualified"),
                new MetricInfo("repair-tasks", MetricKind.COUNTER, "repair tasks the coordinator handed to its worker"),
                new MetricInfo("repair-tasks-failed", MetricKind.COUNTER, "repair tasks that did not rebuild every shard they planned"),
                new MetricInfo("repaired-shards", MetricKind.COUNTER, "shards rebuilt, stored and committed"),
                new MetricInfo("repair-mib", MetricKind.COUNTER, "MiB the repair worker read and wrote"),
                new MetricInfo("repair-mib-per-node-day", MetricKind.OBSERVATION, "repair traffic per node and day of the run"),
                new MetricInfo("registrations", MetricKind.COUNTER, "node registrations (first ones and after restarts)"),
                new MetricInfo("events", MetricKind.COUNTER, "simulator events fired"),
                new MetricInfo("disqualified-nodes", MetricKind.SERIES, "disqualified nodes over time, as PEERS shows them"),
                new MetricInfo("online-nodes", MetricKind.SERIES, "nodes online over time, as PEERS shows them"),
                new MetricInfo("repaired-shards-over-time", MetricKind.SERIES, "shards repaired so far"));
    }

    @Override
    public void validate(Params params) throws ScenarioException {
        NetworkSetup.read(params);
        ExpectationParams.read(params.get("workload"), null, metricNames());
    }

    @Override
    public RunOutput run(RunContext context) throws Exception {
        NetworkSetup setup = NetworkSetup.read(context.params());
        StrategyRegistry registry = context.registry()
                .orElseThrow(() -> new IllegalStateException("the storage-network workload needs the strategy registry"));
        long duration = context.duration().orElse(DEFAULT_DAYS * 86_400_000_000_000L);
        NetworkStudy study = new NetworkStudy(context.simulator(), setup, registry, duration);
        study.run();
        NetworkTally t = study.tally();
        Metrics m = context.metrics();
        m.count("puts-acknowledged", t.putsAcknowledged);
        m.count("put-failures", t.putFailures);
        m.count("put-retries", t.putRetries);
        m.count("files-verified", t.getsVerified);
        m.count("files-lost", t.getFailures);
        m.count("audits", t.passed + t.failed);
        m.count("failed-audits", t.failed);
        m.count("timed-out-audits", t.timedOut);
        m.count("contained-audits", t.contained);
        m.count("failed-audits-intact", t.honestFailedIntact);
        m.count("repair-tasks", t.repairTasks);
        m.count("repair-tasks-failed", t.repairTasksFailed);
        m.count("repaired-shards", t.shardsRepaired);
        double repairMib = (t.repairBytesRead + t.repairBytesWritten) / (double) (1 << 20);
        m.count("repair-mib", repairMib);
        m.observe("repair-mib-per-node-day", repairMib / setup.nodes() / (duration / 86_400e9));
        m.count("registrations", t.registrations);
        m.count("events", context.simulator().eventsFired());

        AuditScheme audit = registry.family(AuditScheme.FAMILY).require(setup.settings().audit(), AuditScheme.class);
        int c = ParameterText.bind(audit.descriptor(), setup.settings().auditParameters()).getInt("blocks");
        long blocks = (study.shardLength() + setup.auditBlockSize() - 1) / setup.auditBlockSize();
        long lost = Math.max(1, Math.round(setup.damageFraction() * blocks));
        double f = Math.min(1, lost / (double) blocks);
        double analytic = 1 - Math.pow(1 - f, c);
        long[] partial = t.spoiled(NetNodeKind.PARTIAL);
        long[] dropping = t.spoiled(NetNodeKind.DROPPING);
        if (partial[0] > 0) {
            m.observe("detection-probability", partial[1] / (double) partial[0]);
            m.observe("detection-analytic", analytic);
        }
        if (dropping[0] > 0) {
            m.observe("detection-probability.dropping", dropping[1] / (double) dropping[0]);
        }
        misbehaviour(study, setup, m);

        RunOutput out = RunOutput.empty()
                .withNote(String.format(Locale.ROOT, "%d nodes, %d files of %d bytes, %d-of-%d %s, shards of %d bytes; audit %s (%s), "
                        + "reputation %s, placement %s; every message through the real coordinator and node cores over simulated TCP.",
                        setup.nodes(), setup.files(), setup.fileSize(), setup.k(), setup.n(), setup.redundancy(), study.shardLength(),
                        setup.settings().audit(), setup.settings().auditParameters(), setup.settings().reputation(),
                        setup.settings().placement()))
                .withNote(String.format(Locale.ROOT, "A partial node damages %d of the %d blocks of each shard (f = %.4f, c = %d).", lost,
                        blocks, f, c));
        if (study.verificationNanos() >= 0) {
            out = out.withNote(String.format(Locale.ROOT, "The final gets of %d files took %.1f virtual minutes.", t.putsAcknowledged,
                    study.verificationNanos() / 60e9));
        }
        for (String p : t.problems) {
            out = out.withNote("Example problem: " + p);
        }
        if (t.problemCount > t.problems.size()) {
            out = out.withNote((t.problemCount - t.problems.size()) + " more problems of that kind were counted.");
        }
        if (setup.checkDetection() && partial[0] > 0) {
            double se = Math.sqrt(analytic * (1 - analytic) / partial[0]);
            out = out.expecting(new Expectation(String.format(Locale.ROOT, "detection = 1 - (1 - f)^c, f = %.4f, c = %d (95%% binomial interval)",
                    f, c), "detection-probability", analytic, 1.96 * se));
        }
        for (Expectation e : ExpectationParams.read(context.params().get("workload"), ExpectationParams.swept(context.point()), metricNames())) {
            out = out.expecting(e);
        }
        return out;
    }

    private static void misbehaviour(NetworkStudy study, NetworkSetup setup, Metrics m) {
        NetworkTally t = study.tally();
        double start = setup.misbehaveAfterH() * HOUR_MS;
        long honest = 0;
        long falseDq = 0;
        long bad = 0;
        long detected = 0;
        long dq = 0;
        Map<NetNodeKind, long[]> perKind = new java.util.EnumMap<>(NetNodeKind.class); // {nodes, disqualified}
        for (NetNode node : study.nodes()) {
            Long failed = t.firstFailureMillis.get(node.id);
            Long disq = t.disqualifiedMillis.get(node.id);
            if (node.kind == NetNodeKind.HONEST) {
                honest++;
                falseDq += disq != null ? 1 : 0;
                continue;
            }
            bad++;
            long[] k = perKind.computeIfAbsent(node.kind, x -> new long[2]);
            k[0]++;
            String suffix = "." + node.kind.label();
            if (failed != null && failed >= start) {
                detected++;
                double h = (failed - start) / HOUR_MS;
                m.observe("time-to-first-failure-h", h);
                m.observe("time-to-first-failure-h" + suffix, h);
            }
            if (disq != null) {
                dq++;
                k[1]++;
                double h = Math.max(0, disq - start) / HOUR_MS;
                m.observe("time-to-disqualification-h", h);
                m.observe("time-to-disqualification-h" + suffix, h);
            }
        }
        m.count("false-disqualifications", falseDq);
        if (honest > 0) {
            m.observe("false-disqualification-rate", falseDq / (double) honest);
        }
        if (bad > 0) {
            m.observe("misbehaving-detected", detected / (double) bad);
            m.observe("misbehaving-disqualified", dq / (double) bad);
            perKind.forEach((kind, k) -> m.observe("misbehaving-disqualified." + kind.label(), k[1] / (double) k[0]));
        }
    }

    private List<String> metricNames() {
        return metrics().stream().map(MetricInfo::name).toList();
    }
}
