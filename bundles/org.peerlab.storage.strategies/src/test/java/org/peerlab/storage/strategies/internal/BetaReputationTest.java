package org.peerlab.storage.strategies.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.ReputationScore;

class BetaReputationTest {

    private final BetaReputation scheme = new BetaReputation();
    private final Parameters defaults = scheme.descriptor().defaults();

    /**
     * With Storj's values alpha + beta stays 1000 = 1 / (1 - lambda), so k straight failures leave
     * the score at 0.999^k: the first k with 0.999^k < 0.96 is floor(ln 0.96 / ln 0.999) + 1 = 41.
     */
    @Test
    void fortyOneConsecutiveFailuresDisqualifyAFreshNode() {
        int closedForm = (int) Math.floor(Math.log(0.96) / Math.log(0.999)) + 1;
        ReputationScore score = scheme.newScore(defaults);
        int failures = 0;
        while (!score.disqualified()) {
            score.record(false);
            failures++;
            assertEquals(Math.pow(0.999, failures), score.value(), 1e-12);
        }
        assertEquals(41, closedForm);
        assertEquals(41, failures);
        assertEquals(41, score.audits());
    }

    @Test
    void successesKeepAFreshNodeAtOne() {
        ReputationScore score = scheme.newScore(defaults);
        assertEquals(1.0, score.value());
        for (int i = 0; i < 10_000; i++) {
            score.record(true);
        }
        assertEquals(1.0, score.value());
        assertFalse(score.disqualified());
    }

    @Test
    void forgettingLetsANodeRecoverButDisqualificationIsFinal() {
        ReputationScore score = scheme.newScore(defaults);
        for (int i = 0; i < 40; i++) {
            score.record(false);
        }
        assertFalse(score.disqualified());
        for (int i = 0; i < 5000; i++) {
            score.record(true);
        }
        assertTrue(score.value() > 0.999, "old failures fade: " + score.value());
        score.record(false);
        assertFalse(score.disqualified());
        ReputationScore doomed = scheme.newScore(defaults);
        for (int i = 0; i < 41; i++) {
            doomed.record(false);
        }
        for (int i = 0; i < 10_000; i++) {
            doomed.record(true);
        }
        assertTrue(doomed.value() > 0.96);
        assertTrue(doomed.disqualified());
    }

    @Test
    void restoreOfStateRoundTrips() {
        Parameters p = scheme.descriptor().bind(Map.of("lambda", "0.95", "alpha0", "1", "dq-threshold", "0.2"));
        ReputationScore score = scheme.newScore(p);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            score.record(random.nextDouble() < 0.7);
        }
        ReputationScore copy = scheme.restore(p, score.state());
        assertArrayEquals(score.state(), copy.state());
        assertEquals(score.value(), copy.value());
        assertEquals(score.audits(), copy.audits());
        assertEquals(score.disqualified(), copy.disqualified());
        score.record(false);
        copy.record(false);
        assertArrayEquals(score.state(), copy.state());
        assertEquals(4, score.state().length);
        assertEquals(101, score.state()[2]);
    }

    @Test
    void restoreRejectsForeignState() {
        for (double[] bad : new double[][] { null, {}, { 1, 0, 0 }, { 1, 0, 0.5, 0 }, { 1, -1, 3, 0 }, { 1, 0, 3, 2 },
                { Double.NaN, 0, 1, 0 } }) {
            assertThrows(IllegalArgumentException.class, () -> scheme.restore(defaults, bad));
        }
    }

    @Test
    void descriptorCreditsStorj() {
        assertTrue(scheme.descriptor().description().contains("Storj"));
        assertEquals("reputation", scheme.descriptor().family());
    }
}
