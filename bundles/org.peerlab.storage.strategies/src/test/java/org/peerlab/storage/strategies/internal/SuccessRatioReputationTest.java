package org.peerlab.storage.strategies.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.ReputationScore;

class SuccessRatioReputationTest {

    private final SuccessRatioReputation scheme = new SuccessRatioReputation();
    private final Parameters defaults = scheme.descriptor().defaults();

    @Test
    void scoreIsTheShareOfPassedAuditsAndOneBeforeAny() {
        ReputationScore score = scheme.newScore(defaults);
        assertEquals(1.0, score.value());
        score.record(true);
        score.record(false);
        score.record(true);
        score.record(true);
        assertEquals(0.75, score.value());
        assertEquals(4, score.audits());
    }

    /** Five failures then five successes: 0.5 < 0.6, but only counted from the 10th audit. */
    @Test
    void disqualifiesOnlyAfterMinAuditsAndForGood() {
        ReputationScore score = scheme.newScore(defaults);
        for (int i = 0; i < 5; i++) {
            score.record(false);
        }
        for (int i = 0; i < 4; i++) {
            score.record(true);
            assertFalse(score.disqualified(), "only " + score.audits() + " audits");
        }
        score.record(true);
        assertTrue(score.disqualified());
        for (int i = 0; i < 100; i++) {
            score.record(true);
        }
        assertTrue(score.value() > 0.9);
        assertTrue(score.disqualified());
    }

    @Test
    void successesKeepTheScoreAtOne() {
        ReputationScore score = scheme.newScore(defaults);
        for (int i = 0; i < 1000; i++) {
            score.record(true);
        }
        assertEquals(1.0, score.value());
        assertFalse(score.disqualified());
    }

    @Test
    void restoreOfStateRoundTrips() {
        ReputationScore score = scheme.newScore(defaults);
        for (int i = 0; i < 30; i++) {
            score.record(i % 3 != 0);
        }
        ReputationScore copy = scheme.restore(defaults, score.state());
        assertArrayEquals(new double[] { 20, 30, 0 }, copy.state());
        assertEquals(score.value(), copy.value());
        assertEquals(score.audits(), copy.audits());
    }

    @Test
    void restoreRejectsForeignState() {
        for (double[] bad : new double[][] { null, { 1, 2 }, { 3, 2, 0 }, { 1.5, 2, 0 }, { 1, 2, 0.5 }, { 1, 2, 0, 0 } }) {
            assertThrows(IllegalArgumentException.class, () -> scheme.restore(defaults, bad));
        }
    }
}
