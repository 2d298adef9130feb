package org.peerlab.storage.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.audit.AuditTracker.Audit;
import org.peerlab.storage.audit.AuditTracker.Outcome;
import org.peerlab.storage.audit.AuditTracker.Result;

class AuditTrackerTest {

    private static final long S = 1_000_000_000L;

    private final AuditTracker tracker = new AuditTracker(new CountingReputation(3), new CountingReputation(3).descriptor().defaults(), new AuditTracker.Settings(10 * S, 2));

    @Test
    void answeredAuditsCountAndThirdFailureDisqualifiesOnce() {
        tracker.addNode("n1");
        for (int i = 0; i < 2; i++) {
            Audit a = tracker.begin("n1", "f.1", new byte[] { 1 }, 0);
            Result r = tracker.answered(a.id(), AuditVerdict.fail("block 7 differs"), S);
            assertEquals(Outcome.FAILED, r.outcome());
            assertEquals("block 7 differs", r.reason());
            assertFalse(r.newlyDisqualified());
        }
        Result third = tracker.answered(tracker.begin("n1", "f.1", new byte[] { 1 }, 0).id(), AuditVerdict.fail("x"), S);
        assertTrue(third.newlyDisqualified());
        assertTrue(tracker.disqualified("n1"));
        Result fourth = tracker.answered(tracker.begin("n1", "f.1", new byte[] { 1 }, 0).id(), AuditVerdict.fail("x"), S);
        assertFalse(fourth.newlyDisqualified(), "disqualification is reported once");
        assertEquals(4, tracker.audits("n1"));
    }

    @Test
    void timeoutContainsAndReasksTheSameChallengeUntilRetriesRunOut() {
        tracker.addNode("n1");
        Audit first = tracker.begin("n1", "f.3", new byte[] { 42 }, 0);
        assertEquals(List.of(), tracker.expire(9 * S));
        List<Result> r = tracker.expire(10 * S);
        assertEquals(Outcome.CONTAINED, r.get(0).outcome());
        assertTrue(tracker.contained("n1"));
        assertEquals(0, tracker.audits("n1"), "a timeout under containment is not yet a failure");

        Audit again = tracker.begin("n1", "other.0", new byte[] { 9 }, 20 * S);
        assertEquals("f.3", again.shard(), "a contained node owes its pending challenge");
        assertArrayEquals(first.challenge(), again.challenge());
        assertEquals(1, again.attempt());
        assertEquals(Outcome.CONTAINED, tracker.expire(30 * S).get(0).outcome());

        Audit last = tracker.begin("n1", "other.0", new byte[] { 9 }, 40 * S);
        assertEquals(2, last.attempt());
        Result failed = tracker.expire(50 * S).get(0);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertTrue(failed.reason().contains("3 attempts"), failed.reason());
        assertFalse(tracker.contained("n1"));
        assertEquals(1, tracker.audits("n1"));

        Audit fresh = tracker.begin("n1", "other.0", new byte[] { 9 }, 60 * S);
        assertEquals("other.0", fresh.shard(), "after the failure is counted, audits move on");
    }

    @Test
    void answerWithinContainmentEndsIt() {
        tracker.addNode("n1");
        tracker.begin("n1", "f.3", new byte[] { 42 }, 0);
        tracker.expire(10 * S);
        Audit again = tracker.begin("n1", "x", new byte[] { 1 }, 11 * S);
        assertEquals(Outcome.PASSED, tracker.answered(again.id(), AuditVerdict.pass(), 12 * S).outcome());
        assertFalse(tracker.contained("n1"));
        assertEquals(List.of(), tracker.expire(100 * S), "an answered audit never times out");
    }

    @Test
    void lateAnswersAndUnknownIdsAreIgnored() {
        tracker.addNode("n1");
        Audit a = tracker.begin("n1", "f.0", new byte[0], 0);
        tracker.expire(10 * S);
        assertNull(tracker.answered(a.id(), AuditVerdict.pass(), 11 * S));
        assertNull(tracker.answered(12345, AuditVerdict.pass(), 11 * S));
    }

    @Test
    void oneAuditInFlightPerNodeAndUnknownNodesRefused() {
        tracker.addNode("n1");
        tracker.begin("n1", "f.0", new byte[0], 0);
        assertTrue(tracker.busy("n1"));
        assertThrows(IllegalStateException.class, () -> tracker.begin("n1", "f.1", new byte[0], 1));
        assertThrows(IllegalArgumentException.class, () -> tracker.begin("ghost", "f.1", new byte[0], 1));
        assertEquals(10 * S, tracker.nextDeadline().getAsLong());
    }

    @Test
    void restoredStateCarriesOn() {
        tracker.addNode("n1");
        tracker.answered(tracker.begin("n1", "f.0", new byte[0], 0).id(), AuditVerdict.fail("x"), 1);
        double[] state = tracker.state("n1");
        AuditTracker other = new AuditTracker(new CountingReputation(3), new CountingReputation(3).descriptor().defaults(), AuditTracker.Settings.defaults());
        other.restoreNode("n1", state);
        assertEquals(tracker.score("n1"), other.score("n1"));
        assertEquals(1, other.audits("n1"));
    }
}
