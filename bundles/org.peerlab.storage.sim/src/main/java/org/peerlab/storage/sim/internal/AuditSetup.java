package org.peerlab.storage.sim.internal;

import java.util.List;

import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.ReputationScheme;

/**
 * The parameters of one {@code audit-reliability} point, read the same way by validation and
 * by the run. Times are in the unit their name says; shares are fractions of the population.
 *
 * @param nodes            storage nodes
 * @param dropping         share of nodes that drop {@code corruptedFraction} of their blocks (scattered)
 * @param partial          share of nodes that keep only {@code 1 - corruptedFraction} of the shard (they lost
 *                         one run of consecutive blocks at a random place) and fabricate the rest
 * @param late             share of nodes that hold their data but often answer after the timeout
 * @param churn            benign churn (offline periods)
 * @param corruptedFraction f, the fraction of a damaged shard's blocks that is lost
 * @param corruptionAfterH when damaging nodes lose their blocks, hours after the start
 * @param challengeBlocks  c, the audit scheme's {@code blocks} parameter, or 0 for the scheme's default
 * @param blockSize        the audit scheme's {@code block-size} in bytes (also the unit of damage)
 * @param shardBlocks      blocks per shard
 * @param distinctShards   distinct synthetic shards; node i holds shard {@code i mod distinctShards}
 * @param auditIntervalH   mean time between audits of one node (exponential), hours
 * @param timeoutS         how long a node has to answer, seconds
 * @param retries          re-asks of a timed-out challenge before it counts as failed
 * @param responseS        how long an online node takes to answer, seconds
 * @param lateProbability  chance that a late node answers a given challenge after the timeout
 * @param checkDetection   whether to expect detection-probability = 1 - (1 - f)^c
 * @param audit            the audit scheme's name
 * @param reputation       the reputation scheme's name
 */
record AuditSetup(int nodes, double dropping, double partial, double late, ChurnSpec churn, double corruptedFraction,
        double corruptionAfterH, int challengeBlocks, int blockSize, int shardBlocks, int distinctShards, double auditIntervalH,
        double timeoutS, int retries, double responseS, double lateProbability, boolean checkDetection, String audit, String reputation,
        StrategyParameters strategyParameters) {

    static final List<String> WORKLOAD_KEYS = List.of("name", "challenge-blocks", "block-size", "shard-blocks", "distinct-shards",
            "corrupted-fraction", "corruption-after-h", "audit-interval-h", "audit-timeout-s", "audit-retries", "response-time-s",
            "late-probability", "check-detection", "strategy-parameters", "expect");

    /** Reads and checks one point's parameters. */
    static AuditSetup read(Params params) throws ScenarioException {
        Params w = params.get("workload");
        w.allowOnly(WORKLOAD_KEYS);
        Params p = params.get("population");
        p.allowOnly("nodes", "dropping", "partial", "late", "churn");
        params.get("network").allowOnly();
        int nodes = (int) p.integer("nodes", 10_000, 1, 1_000_000);
        double dropping = p.number("dropping", 0.05, 0, 1);
        double partial = p.number("partial", 0, 0, 1);
        double late = p.number("late", 0, 0, 1);
        if (dropping + partial + late > 1) {
            throw p.problem("dropping + partial + late is " + (dropping + partial + late) + "; the shares are of one population and must sum to at most 1");
        }
        ChurnSpec churn = ChurnSpec.read(p);
        int blockSize = (int) w.integer("block-size", 64, 64, 1 << 20);
        int shardBlocks = (int) w.integer("shard-blocks", 4096, 1, 1 << 22);
        if ((long) blockSize * shardBlocks > 64L << 20) {
            throw w.get("shard-blocks").problem("a shard of " + shardBlocks + " blocks of " + blockSize
                    + " bytes exceeds 64 MiB; the simulation regenerates shards on every answer, keep them small");
        }
        double f = w.number("corrupted-fraction", 0.01, 0, 1);
        if (f > 0 && lostBlocks(f, shardBlocks) == 0) {
            throw w.get("corrupted-fraction").problem(f + " of " + shardBlocks + " blocks rounds to no block; raise it or shard-blocks");
        }
        int c = (int) w.integer("challenge-blocks", 0, 0, 100_000);
        Params s = params.get("strategies");
        String audit = s.string(AuditScheme.FAMILY, "precomputed-hmac");
        String reputation = s.string(ReputationScheme.FAMILY, "beta");
        AuditSetup setup = new AuditSetup(nodes, dropping, partial, late, churn, f, w.number("corruption-after-h", 24, 0, 1e6), c,
                blockSize, shardBlocks, (int) w.integer("distinct-shards", 64, 1, 100_000), w.number("audit-interval-h", 12, 0.001, 1e6),
                w.number("audit-timeout-s", 30, 0.001, 1e6), (int) w.integer("audit-retries", 2, 0, 100), w.number("response-time-s", 1, 0, 1e6),
                w.number("late-probability", 0.5, 0, 1), w.bool("check-detection", false), audit, reputation,
                StrategyParameters.read(w, List.of(AuditScheme.FAMILY, ReputationScheme.FAMILY)));
        if (setup.responseS() >= setup.timeoutS()) {
            throw w.get("response-time-s").problem("an honest answer (" + setup.responseS() + " s) must come before the timeout ("
                    + setup.timeoutS() + " s)");
        }
        return setup;
    }

    /** @return the number of blocks a damaged shard loses: f of them, rounded */
    static int lostBlocks(double f, int shardBlocks) {
        return (int) Math.round(f * shardBlocks);
    }

    /** @return the fraction of blocks a damaged shard actually loses (f after rounding to whole blocks) */
    double effectiveFraction() {
        return lostBlocks(corruptedFraction, shardBlocks) / (double) shardBlocks;
    }

    /** @return the shard length in bytes */
    long shardLength() {
        return (long) blockSize * shardBlocks;
    }
}
