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
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.audit.AuditTracker;

/**
 * Audits of a population of storage nodes with the real audit scheme ({@code strategies.audit})
 * and the real audit tracker and reputation ({@code strategies.reputation}): how often damaged
 * shards are caught per audit against 1 - (1 - f)^c, how long detection and disqualification
 * take, and how many honest nodes that merely go offline are disqualified. Parameters and
 * metrics: {@code simulation/README.md}, workload {@code audit-reliability}; the model is
 * {@link AuditStudy}.
 */
@Component(service = Workload.class)
public class AuditReliabilityWorkload implements Workload {

    private static final long DEFAULT_DAYS = 30;

    @Override
    public String name() {
        return "audit-reliability";
    }

    @Override
    public String describe() {
        return "proof-of-retrievability audits of storage nodes (real audit scheme, containment, reputation) on virtual time; "
                + "detection probability against 1-(1-f)^c, time to detection, false disqualifications under churn";
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(
                new MetricInfo("detection-probability", MetricKind.OBSERVATION,
                        "share of answered audits of damaged shards that failed (also .dropping, .partial)"),
                new MetricInfo("detection-analytic", MetricKind.OBSERVATION, "1 - (1 - f)^c for the run's f (whole blocks) and c"),
                new MetricInfo("time-to-first-failure-h", MetricKind.OBSERVATION, "hours from damage to the node's first failed audit"),
                new MetricInfo("time-to-disqualification-h", MetricKind.OBSERVATION,
                        "hours from damage to disqualification (damaging nodes; late nodes from the start as .late)"),
                new MetricInfo("misbehaving-disqualified", MetricKind.OBSERVATION,
                        "share of misbehaving nodes disqualified by the end (also .dropping, .partial, .late)"),
                new MetricInfo("false-disqualification-rate", MetricKind.OBSERVATION, "share of honest nodes disqualified by the end"),
                new MetricInfo("false-disqualifications", MetricKind.COUNTER, "honest nodes disqualified"),
                new MetricInfo("undetected-nodes", MetricKind.COUNTER, "damaging nodes that never failed an audit they answered"),
                new MetricInfo("detection-trials", MetricKind.COUNTER, "answered audits of damaged shards (the detection-probability sample)"),
                new MetricInfo("audits", MetricKind.COUNTER, "audits counted (passed or failed; containment re-asks count once)"),
                new MetricInfo("failed-audits", MetricKind.COUNTER, "audits counted as failed (wrong answer or no answer after all re-asks)"),
                new MetricInfo("timed-out-audits", MetricKind.COUNTER, "failed audits that were never answered in time"),
                new MetricInfo("contained-audits", MetricKind.COUNTER, "timeouts that put a node in containment (challenge re-asked)"),
                new MetricInfo("late-answers", MetricKind.COUNTER, "answers that arrived after the timeout and were ignored"),
                new MetricInfo("skipped-audits", MetricKind.COUNTER, "audits not started because the node's previous one was in flight"),
                new MetricInfo("record-renewals", MetricKind.COUNTER, "records rebuilt because a precomputed scheme ran out of challenges"),
                new MetricInfo("disqualified-nodes", MetricKind.SERIES, "disqualified nodes over time"),
                new MetricInfo("falsely-disqualified-nodes", MetricKind.SERIES, "disqualified honest nodes over time"));
    }

    @Override
    public void validate(Params params) throws ScenarioException {
        AuditSetup.read(params);
        ExpectationParams.read(params.get("workload"), null, metricNames());
    }

    @Override
    public RunOutput run(RunContext context) throws Exception {
        Params params = context.params();
        AuditSetup setup = AuditSetup.read(params);
        StrategyRegistry registry = context.registry()
                .orElseThrow(() -> new IllegalStateException("the audit-reliability workload needs the strategy registry"));
        Map<String, String> fixed = setup.challengeBlocks() > 0
                ? Map.of("block-size", Integer.toString(setup.blockSize()), "blocks", Integer.toString(setup.challengeBlocks()))
                : Map.of("block-size", Integer.toString(setup.blockSize()));
        var audit = setup.strategyParameters().bind(registry, AuditScheme.FAMILY, setup.audit(), AuditScheme.class, fixed);
        var reputation = setup.strategyParameters().bind(registry, ReputationScheme.FAMILY, setup.reputation(), ReputationScheme.class,
                Map.of());
        AuditTracker tracker = new AuditTracker(reputation.strategy(), reputation.parameters(),
                new AuditTracker.Settings(Math.round(setup.timeoutS() * 1e9), setup.retries()));
        long duration = context.duration().orElse(DEFAULT_DAYS * 86_400_000_000_000L);
        AuditStudy study = new AuditStudy(context.simulator(), setup, audit.strategy(), audit.parameters(), tracker, duration);
        study.run();
        int c = audit.parameters().getInt("blocks");
        double f = setup.effectiveFraction();
        double analytic = 1 - Math.pow(1 - f, c);
        context.metrics().observe("detection-analytic", analytic);
        Map<String, Object> others = new java.util.LinkedHashMap<>(audit.parameters().asMap());
        others.keySet().removeAll(List.of("block-size", "blocks"));
        RunOutput out = RunOutput.empty()
                .withNote(String.format(Locale.ROOT, "Shards of %d blocks of %d bytes from %d distinct synthetic contents; a damaged shard"
                        + " loses f of its blocks rounded to whole blocks.", setup.shardBlocks(), setup.blockSize(), setup.distinctShards()))
                .withNote("Audit scheme " + setup.audit() + (others.isEmpty() ? "" : " " + others) + " with c = blocks per challenge; reputation "
                        + setup.reputation() + " " + reputation.parameters().asMap() + ".")
                .withNote("Answers of intact shards are computed once per distinct (content, challenge) through the scheme and reused;"
                        + " damaged shards always answer through the scheme; every answer is verified by the scheme.");
        boolean damaging = Math.round(setup.dropping() * setup.nodes()) + Math.round(setup.partial() * setup.nodes()) > 0;
        long trials = study.detectionTrials();
        if (setup.checkDetection() && f > 0 && damaging && trials > 0) {
            // A sweep checks many points at once: at 95% per point one of 20 points misses by chance alone. So beyond the
            // replications' 95% interval each point gets the binomial margin of a 95% family-wise level over the sweep
            // (Bonferroni: z at 1 - 0.05 / 2m for m points, 3.0 for the 18 points of the shipped scenario) on the pooled
            // estimate; a scheme that meets the formula passes the whole sweep 95% of the time, a bias of a few standard
            // errors still fails.
            int m = Math.max(1, context.scenario().pointCount());
            double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - 0.05 / (2.0 * m));
            double pooled = Math.sqrt(analytic * (1 - analytic) / (trials * (double) context.scenario().replications()));
            out = out.expecting(new Expectation(String.format(Locale.ROOT,
                    "detection = 1 - (1 - f)^c, f = %.5f, c = %d (95%% CI + %.2f binomial SE: 95%% family-wise over %d points)", f, c, z, m),
                    "detection-probability", analytic, z * pooled));
        }
        for (Expectation e : ExpectationParams.read(params.get("workload"), ExpectationParams.swept(context.point()), metricNames())) {
            out = out.expecting(e);
        }
        return out;
    }

    private List<String> metricNames() {
        return metrics().stream().map(MetricInfo::name).toList();
    }
}
