package org.peerlab.storage.sim.internal;

import org.peerlab.experiment.workloads.ExpectationParams;
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
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.repair.RepairPlanner;

/**
 * Long-term durability of files in the storage network: redundancy from
 * {@code strategies.redundancy} (or a {@code workload.codec} preset), placement from
 * {@code strategies.placement}, reputation from {@code strategies.reputation}, repair decided by
 * the real {@link RepairPlanner}, over a simulated year of disk failures, churn and nodes that
 * drop shards. Parameters and metrics: {@code simulation/README.md}, workload
 * {@code durability}; the model is {@link DurabilityStudy} and {@link ShardLedger}.
 */
@Component(service = Workload.class)
public class DurabilityWorkload implements Workload {

    private static final long YEAR_NANOS = Math.round(365.25 * 86_400e9);

    @Override
    public String name() {
        return "durability";
    }

    @Override
    public String describe() {
        return "files erasure-coded over storage nodes for a simulated year of disk failures, churn and shard-dropping nodes, with audits"
                + " and repair; files lost, loss probability, repair traffic";
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(new MetricInfo("files-lost", MetricKind.COUNTER, "files with fewer than k intact shards left"),
                new MetricInfo("file-loss-probability", MetricKind.OBSERVATION, "files lost over files stored, per run"),
                new MetricInfo("repairs", MetricKind.COUNTER, "repairs completed"),
                new MetricInfo("repair-failures", MetricKind.COUNTER, "repairs abandoned because a source node failed during the transfer"),
                new MetricInfo("deferred-repairs", MetricKind.COUNTER, "repair attempts postponed (fewer than k shards reachable, or no room)"),
                new MetricInfo("shards-rebuilt", MetricKind.COUNTER, "shards written by repairs"),
                new MetricInfo("repair-traffic-gib", MetricKind.COUNTER, "bytes read and written by repairs, GiB"),
                new MetricInfo("repair-gib-per-node-month", MetricKind.OBSERVATION, "repair traffic per node and month, GiB"),
                new MetricInfo("repair-time-h", MetricKind.OBSERVATION, "hours from the start of a repair to its last write"),
                new MetricInfo("node-failures", MetricKind.COUNTER, "permanent disk failures (each node replaced by an empty one)"),
                new MetricInfo("disqualifications", MetricKind.COUNTER, "nodes disqualified by reputation"),
                new MetricInfo("false-disqualifications", MetricKind.COUNTER, "alive nodes disqualified that had not dropped data"),
                new MetricInfo("dropping-disqualified", MetricKind.COUNTER, "shard-dropping nodes disqualified"),
                new MetricInfo("bad-shards-found", MetricKind.COUNTER, "dropped shards found by repair reads"),
                new MetricInfo("storage-overhead", MetricKind.OBSERVATION, "n / k of the codec"),
                new MetricInfo("lost-files", MetricKind.SERIES, "files lost so far, over time"));
    }

    @Override
    public void validate(Params params) throws ScenarioException {
        DurabilitySetup.read(params);
        ExpectationParams.read(params.get("workload"), null, metricNames());
    }

    @Override
    public RunOutput run(RunContext context) throws Exception {
        Params params = context.params();
        DurabilitySetup setup = DurabilitySetup.read(params);
        StrategyRegistry registry = context.registry()
                .orElseThrow(() -> new IllegalStateException("the durability workload needs the strategy registry"));
        CodecChoice choice = setup.codec();
        RedundancyScheme scheme = registry.family(RedundancyScheme.FAMILY).require(choice.strategy(), RedundancyScheme.class);
        var redundancy = choice.parameters().isEmpty()
                ? setup.strategyParameters().bind(registry, RedundancyScheme.FAMILY, choice.strategy(), RedundancyScheme.class, Map.of())
                : bindPreset(scheme, choice);
        ErasureCodec codec;
        try {
            codec = redundancy.strategy().newCodec(redundancy.parameters());
        } catch (IllegalArgumentException e) {
            throw choice.where().problem(e.getMessage());
        }
        int k = codec.requiredShards();
        int n = codec.totalShards();
        if (k >= n) {
            throw choice.where().problem(choice.label() + " makes " + n + " shard(s) of which " + k + " are needed: nothing to repair");
        }
        int threshold = choice.repairThreshold() > 0 ? choice.repairThreshold() : RepairPlanner.defaultThreshold(k, n);
        RepairPlanner planner;
        try {
            planner = new RepairPlanner(k, n, threshold);
        } catch (IllegalArgumentException e) {
            throw choice.where().problem(e.getMessage());
        }
        if (setup.candidates() < n) {
            throw params.get("workload").get("placement-candidates").problem("offers " + setup.candidates() + " nodes per placement; "
                    + choice.label() + " needs " + n + " distinct ones");
        }
        var placement = setup.strategyParameters().bind(registry, PlacementStrategy.FAMILY, setup.placement(), PlacementStrategy.class,
                Map.of());
        var reputation = setup.strategyParameters().bind(registry, ReputationScheme.FAMILY, setup.reputation(), ReputationScheme.class,
                Map.of());
        AuditTracker tracker = new AuditTracker(reputation.strategy(), reputation.parameters(),
                new AuditTracker.Settings(Math.round(setup.timeoutS() * 1e9), setup.retries()));
        long fileBytes = Math.round(setup.fileMib() * 1024 * 1024);
        long shardBytes = (fileBytes + k - 1) / k;
        StorageNodes nodes = new StorageNodes();
        StoredFiles files = new StoredFiles(setup.files(), k, n);
        DurabilityTally tally = new DurabilityTally(context.metrics());
        ShardLedger ledger = new ShardLedger(context.simulator(), nodes, files, planner, placement.strategy(), placement.parameters(),
                tracker, tally, setup, shardBytes);
        long duration = context.duration().orElse(YEAR_NANOS);
        try {
            new DurabilityStudy(context.simulator(), setup, nodes, files, ledger, tracker, tally, duration).run();
        } catch (PlacementException e) {
            throw params.get("workload").get("files").problem("the initial upload could not be placed: " + e.getMessage());
        }
        RunOutput out = RunOutput.empty().withNote(String.format(Locale.ROOT,
                "%s: %s %s, %d-of-%d (overhead %.2fx), repair when fewer than %d shards are healthy; shards of %.1f MiB.", choice.label(),
                choice.strategy(), redundancy.parameters().asMap(), k, n, n / (double) k, threshold, shardBytes / 1048576.0));
        for (Expectation e : ExpectationParams.read(params.get("workload"), ExpectationParams.swept(context.point()), metricNames())) {
            out = out.expecting(e);
        }
        return out;
    }

    private static StrategyParameters.Bound<RedundancyScheme> bindPreset(RedundancyScheme scheme, CodecChoice choice) throws ScenarioException {
        try {
            return new StrategyParameters.Bound<>(scheme, scheme.descriptor().bind(choice.parameters()));
        } catch (IllegalArgumentException e) {
            throw choice.where().problem(e.getMessage());
        }
    }

    private List<String> metricNames() {
        return metrics().stream().map(MetricInfo::name).toList();
    }
}
