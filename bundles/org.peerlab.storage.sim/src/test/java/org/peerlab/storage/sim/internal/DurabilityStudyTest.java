package org.peerlab.storage.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Dist;
import org.peerlab.sim.RandomStreams;
import org.peerlab.sim.Simulator;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.repair.RepairPlanner;

class DurabilityStudyTest {

    private static final long DAY = 86_400_000_000_000L;

    /** The state of one finished run, for checks. */
    private record Finished(StorageNodes nodes, StoredFiles files, TallyMetrics metrics, long shardBytes) {
    }

    private static Finished run(int k, int n, long seed, double bandwidthMbps) throws Exception {
        DurabilitySetup setup = new DurabilitySetup(300, 0.7, new ChurnSpec(1, Dist.exponential(60), Dist.exponential(12)), 0.05, 0.5, 400, 8,
                new CodecChoice("test", "test", Map.of(), 0, null), 12, 30, 1, 6, bandwidthMbps, 40, 1000, 1, "uniform", "strikes", null);
        TallyMetrics metrics = new TallyMetrics();
        Simulator sim = new Simulator(new RandomStreams(seed, 0), metrics);
        TestStrategies.Strikes reputation = new TestStrategies.Strikes();
        AuditTracker tracker = new AuditTracker(reputation, reputation.descriptor().bind(Map.of("strikes", "4")),
                new AuditTracker.Settings(30_000_000_000L, 1));
        StorageNodes nodes = new StorageNodes();
        StoredFiles files = new StoredFiles(setup.files(), k, n);
        DurabilityTally tally = new DurabilityTally(metrics);
        long shardBytes = 8L * 1024 * 1024 / k;
        TestStrategies.Uniform placement = new TestStrategies.Uniform();
        ShardLedger ledger = new ShardLedger(sim, nodes, files, new RepairPlanner(k, n, RepairPlanner.defaultThreshold(k, n)), placement,
                placement.descriptor().defaults(), tracker, tally, setup, shardBytes);
        new DurabilityStudy(sim, setup, nodes, files, ledger, tracker, tally, 365 * DAY).run();
        return new Finished(nodes, files, metrics, shardBytes);
    }

    @Test
    void theIncrementalCountsMatchTheShardsAtTheEnd() throws Exception {
        for (double mbps : new double[] { 100, 0.05 }) { // fast repairs, and repairs slow enough to overlap failures
            Finished r = run(4, 10, 5, mbps);
            StoredFiles files = r.files();
            StorageNodes nodes = r.nodes();
            long lost = 0;
            for (int f = 0; f < files.files; f++) {
                int healthy = 0;
                int intact = 0;
                for (int idx = 0; idx < files.n; idx++) {
                    int key = f * files.n + idx;
                    int h = files.holder[key];
                    if (h < 0) {
                        continue;
                    }
                    healthy += !nodes.unhealthy[h] && !files.knownBad(key) ? 1 : 0;
                    intact += nodes.alive[h] && !files.dropped(key) ? 1 : 0;
                }
                assertEquals(healthy, files.healthy[f], "healthy shards of file " + f);
                assertEquals(intact, files.intact[f], "intact shards of file " + f);
                assertTrue(!(intact < files.k) || files.lost[f], "file " + f + " has " + intact + " intact shards but is not lost");
                lost += files.lost[f] ? 1 : 0;
            }
            for (int i = 0; i < nodes.count; i++) {
                for (int j = 0; j < nodes.shardCount(i); j++) {
                    assertEquals(i, files.holder[nodes.shard(i, j)], "node " + i + " lists a shard it does not hold");
                }
                assertTrue(nodes.used[i] >= nodes.shardCount(i) * r.shardBytes(), "disk use of node " + i);
            }
            TallyMetrics m = r.metrics();
            assertEquals(lost, m.counters.get("files-lost"));
            assertTrue(m.counters.get("repairs") > 100, "repairs: " + m.counters);
            assertTrue(m.counters.get("node-failures") > 100, "failures: " + m.counters);
            assertTrue(m.counters.get("dropping-disqualified") > 0, "audits find droppers: " + m.counters);
        }
    }

    @Test
    void theSameSeedGivesTheSameYear() throws Exception {
        assertEquals(run(1, 3, 9, 10).metrics().dump(), run(1, 3, 9, 10).metrics().dump());
    }
}
