package org.peerlab.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.results.ExpectationCheck;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricStatistics;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.storage.sim.internal.StorageNetworkWorkload;

/**
 * The storage coordinator and node cores over the simulated network, with the real strategies:
 * every acknowledged file comes back intact despite churn, departures and misbehaving nodes;
 * audits of intact shards never fail; damaged shards are caught as often as 1 - (1 - f)^c says;
 * nodes that delete shards are caught and disqualified, honest ones are not.
 */
class StorageNetworkTest {

    private static final String SCENARIO = """
            {
              "name": "storage-network-small",
              "workload": {"name": "storage-network", "files": 120, "file-size-kib": 16, "audit-interval-min": 30,
                           "heartbeat-min": 30, "offline-after-min": 75, "repair-offline-after-h": 6, "concurrent": 16,
                           "audit-parameters": "block-size=64,blocks=8", "check-detection": true},
              "population": {"nodes": 300, "dropping": 0.05, "drop-share": 1, "partial": 0.05, "damage-fraction": 0.1, "late": 0.03,
                             "misbehave-after-h": 4, "departures-per-year": 20,
                             "churn": {"share": 0.3, "uptime-h": {"dist": "exponential", "mean": 24}, "downtime-h": {"dist": "exponential", "mean": 2}}},
              "strategies": {"audit": "precomputed-hmac"},
              "duration": 172800,
              "replications": 1,
              "seed": 11
            }
            """;

    private static ExperimentResult run(String scenario) throws Exception {
        Scenario s = ScenarioReader.parse(scenario, "test.json");
        ExperimentResult r = new ExperimentRunner(WorkloadCatalog.of(new StorageNetworkWorkload()), StorageRegistry.ALL, 1).run(s,
                ExperimentListener.NONE);
        assertTrue(r.failures().isEmpty(), () -> "failed runs: " + r.failures());
        return r;
    }

    private static double mean(ExperimentResult r, String metric) {
        return r.statistics(0, metric).map(MetricStatistics::mean).orElseThrow(() -> new AssertionError("no " + metric));
    }

    @Test
    void filesSurviveAndMisbehaviourIsCaught() throws Exception {
        ExperimentResult r = run(SCENARIO);
        for (String m : r.metricNames()) {
            r.statistics(0, m).ifPresent(s -> System.out.printf("storage-network: %s = %.4f%n", m, s.mean()));
        }
        r.runs().get(0).output().notes().forEach(n -> System.out.println("note: " + n));
        for (ExpectationCheck c : r.expectations()) {
            assertTrue(c.pass(), c.toString());
        }
        double acked = mean(r, "puts-acknowledged");
        assertEquals(120, acked + mean(r, "put-failures"));
        assertTrue(acked >= 115, "acknowledged " + acked);
        assertEquals(acked, mean(r, "files-verified"), "every acknowledged file comes back intact");
        assertEquals(0, mean(r, "files-lost"));
        assertEquals(0, mean(r, "failed-audits-intact"), "no answered audit of an intact shard fails");
        assertEquals(1.0, mean(r, "detection-probability.dropping"), "a deleted shard never passes");
        assertTrue(mean(r, "repaired-shards") > 0, "departures are repaired");
        assertEquals(0, mean(r, "false-disqualifications"));
        assertTrue(mean(r, "misbehaving-detected") > 0.5, "misbehaving nodes fail audits");
    }
}
