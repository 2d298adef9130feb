package org.peerlab.storage.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Dist;
import org.peerlab.sim.RandomStreams;
import org.peerlab.sim.Simulator;
import org.peerlab.storage.audit.AuditTracker;

class AuditStudyTest {

    private static final long DAY = 86_400_000_000_000L;

    private static AuditSetup setup(int nodes, double dropping, double partial, double late, ChurnSpec churn, double f, int c) {
        return new AuditSetup(nodes, dropping, partial, late, churn, f, 0, c, 64, 4096, 8, 1, 30, 1, 1, 1.0, false, "sampled-hash", "strikes",
                null);
    }

    private static TallyMetrics run(AuditSetup setup, long strikes, long seed, long days) {
        TallyMetrics metrics = new TallyMetrics();
        Simulator sim = new Simulator(new RandomStreams(seed, 0), metrics);
        TestStrategies.SampledHash scheme = new TestStrategies.SampledHash();
        Parameters ap = scheme.descriptor().bind(Map.of("blocks", Integer.toString(setup.challengeBlocks())));
        TestStrategies.Strikes reputation = new TestStrategies.Strikes();
        AuditTracker tracker = new AuditTracker(reputation, reputation.descriptor().bind(Map.of("strikes", Long.toString(strikes))),
                new AuditTracker.Settings(30_000_000_000L, setup.retries()));
        new AuditStudy(sim, setup, scheme, ap, tracker, days * DAY).run();
        return metrics;
    }

    @Test
    void damagedShardsAreCaughtAsOftenAsTheFormulaSays() {
        AuditSetup s = setup(300, 0.5, 0.3, 0, ChurnSpec.NONE, 0.01, 100);
        TallyMetrics m = run(s, Integer.MAX_VALUE, 1, 4);
        double p = 1 - Math.pow(1 - s.effectiveFraction(), 100);
        long n = m.n("detection-probability");
        double se = Math.sqrt(p * (1 - p) / n);
        assertTrue(n > 20_000, "trials " + n);
        assertEquals(p, m.mean("detection-probability"), 4 * se, "dropping and partial together");
        assertEquals(p, m.mean("detection-probability.dropping"), 4 * Math.sqrt(p * (1 - p) / m.n("detection-probability.dropping")));
        assertEquals(0.0, m.counters.get("false-disqualifications"));
        assertEquals(n, m.counters.get("detection-trials"));
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        AuditSetup s = setup(200, 0.1, 0.1, 0.1, new ChurnSpec(0.5, Dist.exponential(10), Dist.exponential(3)), 0.05, 20);
        String a = run(s, 5, 11, 3).dump();
        assertEquals(a, run(s, 5, 11, 3).dump());
        assertNotEquals(a, run(s, 5, 12, 3).dump());
    }

    @Test
    void lateAndOfflineNodesGoThroughContainmentBeforeTheyFail() {
        // late nodes always answer after the timeout: every challenge is re-asked once, then fails; 2 strikes disqualify
        AuditSetup late = setup(100, 0, 0, 0.2, ChurnSpec.NONE, 0.01, 10);
        TallyMetrics m = run(late, 2, 3, 2);
        assertEquals(1.0, m.mean("misbehaving-disqualified.late"));
        assertEquals(0.0, m.counters.get("false-disqualifications"));
        assertTrue(m.counters.get("contained-audits") >= 20 * 2, "each late node was contained at least twice");
        assertTrue(m.counters.get("late-answers") > 0);
        // nodes that are always offline are failed only through timeouts
        AuditSetup away = setup(50, 0, 0, 0, new ChurnSpec(1, Dist.constant(0.001), Dist.constant(1e6)), 0.01, 10);
        TallyMetrics o = run(away, 1_000_000, 3, 2);
        assertEquals(o.counters.get("failed-audits"), o.counters.get("timed-out-audits"));
        assertTrue(o.counters.get("failed-audits") > 0);
        assertEquals(0, o.n("detection-probability"));
    }
}
