package org.peerlab.storage.sim.internal;

import java.util.Arrays;

import org.peerlab.sim.Metrics;
import org.peerlab.storage.audit.AuditTracker.Outcome;
import org.peerlab.storage.audit.AuditTracker.Result;

/**
 * What {@code audit-reliability} measures, per node in primitive arrays and as run totals, and
 * how it goes to the run's {@link Metrics}: per-audit detection observations as they happen,
 * everything else once at the end (so that every point records every counter, zero included).
 * Not thread-safe.
 */
final class AuditTally {

    private static final double HOUR = 3600e9;

    private final Metrics metrics;
    private final byte[] kinds;
    private final long damageAt;
    private final long[] firstFailure;
    private final long[] disqualifiedAt;
    private long audits;
    private long failed;
    private long contained;
    private long timedOut;
    private long lateAnswers;
    private long skipped;
    private long disqualified;
    private long falselyDisqualified;
    private long trials;

    /** @param kinds each node's {@link NodeKind} ordinal */
    AuditTally(Metrics metrics, byte[] kinds, long damageAt) {
        this.metrics = metrics;
        this.kinds = kinds;
        this.damageAt = damageAt;
        this.firstFailure = new long[kinds.length];
        this.disqualifiedAt = new long[kinds.length];
        Arrays.fill(firstFailure, -1);
        Arrays.fill(disqualifiedAt, -1);
        metrics.sample("disqualified-nodes", 0, 0);
        metrics.sample("falsely-disqualified-nodes", 0, 0);
    }

    /**
     * Counts one outcome of node {@code i}'s audits.
     *
     * @param answered whether the node answered (false: the outcome of a timeout)
     * @param damaged  whether the answer came from damaged data (a detection trial)
     */
    void outcome(int i, Result r, boolean answered, boolean damaged, long now) {
        switch (r.outcome()) {
            case CONTAINED -> contained++;
            case PASSED -> audits++;
            case FAILED -> {
                audits++;
                failed++;
                if (!answered) {
                    timedOut++;
                }
            }
        }
        if (answered && damaged && r.outcome() != Outcome.CONTAINED) {
            boolean caught = r.outcome() == Outcome.FAILED;
            trials++;
            metrics.observe("detection-probability", caught ? 1 : 0);
            metrics.observe("detection-probability." + NodeKind.of(kinds[i]).label(), caught ? 1 : 0);
            if (caught && firstFailure[i] < 0) {
                firstFailure[i] = now;
                metrics.observe("time-to-first-failure-h", (now - damageAt) / HOUR);
            }
        }
        if (r.newlyDisqualified()) {
            disqualifiedAt[i] = now;
            disqualified++;
            metrics.sample("disqualified-nodes", now, disqualified);
            NodeKind kind = NodeKind.of(kinds[i]);
            if (kind == NodeKind.HONEST) {
                falselyDisqualified++;
                metrics.sample("falsely-disqualified-nodes", now, falselyDisqualified);
            } else if (kind == NodeKind.LATE) {
                metrics.observe("time-to-disqualification-h.late", now / HOUR);
            } else if (now >= damageAt) {
                metrics.observe("time-to-disqualification-h", (now - damageAt) / HOUR);
            }
        }
    }

    /** A late answer that the tracker no longer wanted. */
    void lateAnswer() {
        lateAnswers++;
    }

    /** An audit not started because the node's previous one was still in flight. */
    void skipped() {
        skipped++;
    }

    /** @return whether node {@code i} has been disqualified */
    boolean disqualified(int i) {
        return disqualifiedAt[i] >= 0;
    }

    /** @return answered audits of damaged shards so far (detection trials) */
    long trials() {
        return trials;
    }

    /** Records the run's totals and shares; call once at the end. */
    void finish(long end, long renewals) {
        long[] members = new long[NodeKind.values().length];
        long[] out = new long[NodeKind.values().length];
        long undetected = 0;
        for (int i = 0; i < kinds.length; i++) {
            members[kinds[i]]++;
            if (disqualifiedAt[i] >= 0) {
                out[kinds[i]]++;
            }
            if (NodeKind.of(kinds[i]).damages() && firstFailure[i] < 0) {
                undetected++;
            }
        }
        int honest = NodeKind.HONEST.ordinal();
        if (members[honest] > 0) {
            metrics.observe("false-disqualification-rate", out[honest] / (double) members[honest]);
        }
        long bad = 0;
        long badOut = 0;
        for (NodeKind k : NodeKind.values()) {
            if (k != NodeKind.HONEST && members[k.ordinal()] > 0) {
                bad += members[k.ordinal()];
                badOut += out[k.ordinal()];
                metrics.observe("misbehaving-disqualified." + k.label(), out[k.ordinal()] / (double) members[k.ordinal()]);
            }
        }
        if (bad > 0) {
            metrics.observe("misbehaving-disqualified", badOut / (double) bad);
        }
        metrics.count("false-disqualifications", falselyDisqualified);
        metrics.count("undetected-nodes", undetected);
        metrics.count("detection-trials", trials);
        metrics.count("audits", audits);
        metrics.count("failed-audits", failed);
        metrics.count("timed-out-audits", timedOut);
        metrics.count("contained-audits", contained);
        metrics.count("late-answers", lateAnswers);
        metrics.count("skipped-audits", skipped);
        metrics.count("record-renewals", renewals);
        metrics.sample("disqualified-nodes", end, disqualified);
        metrics.sample("falsely-disqualified-nodes", end, falselyDisqualified);
    }
}
