package org.peerlab.sim.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.results.ExpectationCheck;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricStatistics;
import org.peerlab.experiment.results.ResultWriter;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.storage.sim.internal.AuditReliabilityWorkload;
import org.peerlab.storage.sim.internal.DurabilityWorkload;

/**
 * The storage workloads with the real strategies: audits catch damaged shards as often as
 * 1 - (1 - f)^c says, the same seed gives the same result files, Storj's beta reputation does
 * not disqualify honest nodes for benign churn, and erasure coding outlasts replication at equal
 * storage overhead.
 */
class StorageWorkloadsTest {

    private static ExperimentResult run(String scenario) throws Exception {
        Scenario s = ScenarioReader.parse(scenario, "test.json");
        ExperimentResult r = new ExperimentRunner(WorkloadCatalog.of(new AuditReliabilityWorkload(), new DurabilityWorkload()),
                StorageRegistry.ALL, 2).run(s, ExperimentListener.NONE);
        assertTrue(r.failures().isEmpty(), () -> "failed runs: " + r.failures());
        return r;
    }

    private static double mean(ExperimentResult r, int point, String metric) {
        return r.statistics(point, metric).map(MetricStatistics::mean).orElseThrow(() -> new AssertionError("no " + metric + " at " + point));
    }

    private static int point(ExperimentResult r, String... parts) {
        for (int i = 0; i < r.points().size(); i++) {
            String label = r.points().get(i).label();
            if (List.of(parts).stream().allMatch(label::contains)) {
                return i;
            }
        }
        throw new AssertionError("no point with " + List.of(parts));
    }

    @Test
    void detectionMatchesOneMinusOneMinusFToTheC() throws Exception {
        ExperimentResult r = run("""
                {
                  "name": "detection",
                  "workload": {"name": "audit-reliability", "check-detection": true, "audit-interval-h": 2, "corruption-after-h": 2,
                               "distinct-shards": 16},
                  "population": {"nodes": 600, "dropping": 0.3, "partial": 0.2},
                  "strategies": {"audit": "precomputed-hmac", "reputation": "beta"},
                  "sweep": {"workload.corrupted-fraction": [0.002, 0.01, 0.05], "workload.challenge-blocks": [10, 100, 460]},
                  "duration": 432000,
                  "replications": 3,
                  "seed": 7
                }
                """);
        assertEquals(9, r.expectations().size(), "expectations: " + r.expectations());
        for (ExpectationCheck c : r.expectations()) {
            System.out.printf("detection: %s: measured %.5f +/- %.5f -> %s%n", c.expectation().name(), c.measured(), c.ci95(),
                    c.pass() ? "pass" : "FAIL");
            assertTrue(c.pass(), c.toString());
        }
        int storj = point(r, "corrupted-fraction=0.01", "challenge-blocks=460");
        assertTrue(mean(r, storj, "detection-analytic") >= 0.99, "1 - 0.99^460 >= 0.99");
        assertTrue(mean(r, storj, "detection-probability") >= 0.985, "measured " + mean(r, storj, "detection-probability"));
    }

    @Test
    void theSameSeedGivesIdenticalResultFiles(@TempDir Path dir) throws Exception {
        String audits = """
                {
                  "name": "same-audits",
                  "workload": {"name": "audit-reliability", "challenge-blocks": 40, "audit-interval-h": 6, "shard-blocks": 256,
                               "distinct-shards": 4},
                  "population": {"nodes": 120, "dropping": 0.1, "partial": 0.05, "late": 0.05,
                                 "churn": {"share": 0.5, "uptime-h": {"dist": "exponential", "mean": 48}, "downtime-h": 6}},
                  "strategies": {"reputation": "success-ratio"},
                  "sweep": {"strategies.audit": ["merkle-challenge", "precomputed-hmac"]},
                  "duration": 604800,
                  "replications": 2,
                  "seed": 3
                }
                """;
        String durability = """
                {
                  "name": "same-durability",
                  "workload": {"name": "durability", "files": 1500, "file-size-mib": 64},
                  "population": {"nodes": 500, "annual-failure-rate": 0.5, "dropping": 0.02,
                                 "churn": {"share": 1, "uptime-h": {"dist": "exponential", "mean": 100}, "downtime-h": {"dist": "exponential", "mean": 10}}},
                  "strategies": {"redundancy": "reed-solomon", "placement": "reputation-weighted", "reputation": "beta"},
                  "duration": 15552000,
                  "replications": 2,
                  "seed": 5
                }
                """;
        int i = 0;
        for (String scenario : List.of(audits, durability)) {
            Path a = dir.resolve("a" + i);
            Path b = dir.resolve("b" + i);
            Path c = dir.resolve("c" + i++);
            ResultWriter.write(run(scenario), a);
            ResultWriter.write(run(scenario), b);
            ResultWriter.write(run(scenario.replace("\"seed\": ", "\"seed\": 1")), c);
            for (String name : List.of("results.json", "points.csv", "runs.csv", "timeseries.csv")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
            }
            assertFalse(Files.readString(a.resolve("results.json")).equals(Files.readString(c.resolve("results.json"))),
                    "another seed must give other results");
        }
    }

    @Test
    void betaReputationDoesNotDisqualifyHonestNodesForBenignChurn() throws Exception {
        // every node is honest; offline periods are lognormal (median 3 h, a long tail of days)
        ExperimentResult r = run("""
                {
                  "name": "false-dq",
                  "workload": {"name": "audit-reliability", "challenge-blocks": 10, "audit-interval-h": 6, "distinct-shards": 8},
                  "population": {"nodes": 4000, "dropping": 0,
                                 "churn": {"share": 1, "uptime-h": {"dist": "exponential", "mean": 72},
                                           "downtime-h": {"dist": "lognormal", "mu": 1.0986, "sigma": 1.5}}},
                  "strategies": {"audit": "precomputed-hmac"},
                  "sweep": {"strategies.reputation": ["beta", "success-ratio"]},
                  "duration": 1209600,
                  "seed": 4
                }
                """);
        double beta = mean(r, point(r, "=beta"), "false-disqualifications");
        double ratio = mean(r, point(r, "=success-ratio"), "false-disqualifications");
        System.out.printf("false disqualifications of 4000 churning honest nodes in 14 days: beta %.0f, success-ratio %.0f%n", beta, ratio);
        assertEquals(0, beta, "beta (lambda 0.999, alpha0 1000, dq 0.96) needs about 41 failed audits, 123 unanswered in a row");
        assertTrue(ratio > 0, "the plain ratio (10 audits, 0.6) disqualifies nodes whose first audits fall in a long absence");
        assertTrue(mean(r, point(r, "=beta"), "timed-out-audits") > 0, "the churn did fail audits");
    }

    @Test
    void erasureCodingOutlastsReplicationAtEqualOrLowerOverhead() throws Exception {
        ExperimentResult r = run("""
                {
                  "name": "durability-small",
                  "workload": {"name": "durability", "files": 3000, "file-size-mib": 64, "offline-grace-h": 48, "placement-candidates": 60,
                    "codecs": {
                      "rs-8-of-20": {"strategy": "reed-solomon", "data-shards": 8, "total-shards": 20},
                      "replication-3": {"strategy": "replication", "copies": 3}
                    }},
                  "population": {"nodes": 2000, "annual-failure-rate": 0.7, "dropping": 0.02,
                                 "churn": {"share": 1, "uptime-h": {"dist": "exponential", "mean": 100}, "downtime-h": {"dist": "exponential", "mean": 12}}},
                  "strategies": {"placement": "reputation-weighted", "reputation": "beta"},
                  "sweep": {"workload.codec": ["rs-8-of-20", "replication-3"]},
                  "replications": 2,
                  "seed": 11
                }
                """);
        double rs = mean(r, point(r, "rs-8-of-20"), "files-lost");
        double replication = mean(r, point(r, "replication-3"), "files-lost");
        System.out.printf("files lost of 3000 in a harsh year: reed-solomon 8-of-20 (2.5x) %.1f, three replicas (3x) %.1f%n", rs, replication);
        assertEquals(0, rs);
        assertTrue(replication >= 5, "replication loses files measurably: " + replication);
        assertTrue(mean(r, point(r, "rs-8-of-20"), "repairs") > 0);
        assertTrue(mean(r, point(r, "rs-8-of-20"), "dropping-disqualified") > 0, "audits disqualify nodes that drop shards");
    }
}
