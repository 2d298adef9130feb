package org.peerlab.storage.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.api.ReputationScore;

/**
 * Tracks audits in flight and what they mean for each node, sans-I/O: time comes in as
 * arguments. An audit that is not answered within {@link Settings#timeoutNanos} puts its node in
 * <em>containment</em>: the node's next audit re-asks the very same challenge (so that a node
 * cannot dodge a challenge it would fail by going quiet), and only when {@link Settings#retries}
 * re-asks have also gone unanswered does the audit count as failed. An answer, right or wrong,
 * ends containment. Each counted outcome goes to the node's {@link ReputationScore}; a score
 * that crosses the scheme's threshold disqualifies the node for good. Not thread-safe.
 */
public final class AuditTracker {

    /**
     * @param timeoutNanos how long a node has to answer one challenge
     * @param retries      how many times a timed-out challenge is re-asked before it counts as failed
     */
    public record Settings(long timeoutNanos, int retries) {
        public Settings {
            if (timeoutNanos <= 0 || retries < 0) {
                throw new IllegalArgumentException("audit timeout must be > 0 and retries >= 0, got " + timeoutNanos + " ns, " + retries);
            }
        }

        /** @return 30 s to answer, 2 re-asks */
        public static Settings defaults() {
            return new Settings(30_000_000_000L, 2);
        }
    }

    /** One challenge sent to a node; {@code attempt} is 0 the first time, then counts re-asks. */
    public record Audit(long id, String node, String shard, byte[] challenge, int attempt) {
    }

    /** What an audit came to. */
    public enum Outcome {
        PASSED, FAILED, CONTAINED
    }

    /**
     * @param newlyDisqualified whether this outcome disqualified the node (reported once)
     * @param answered          whether the node answered (false when the outcome comes from a timeout)
     */
    public record Result(String node, String shard, Outcome outcome, String reason, double score, boolean newlyDisqualified,
            boolean answered) {
    }

    private static final class NodeState {
        final ReputationScore score;
        Audit pending; // the challenge a contained node owes
        boolean contained;

        NodeState(ReputationScore score) {
            this.score = score;
        }
    }

    private record Deadline(long at, long auditId) {
    }

    private final ReputationScheme scheme;
    private final Parameters parameters;
    private final Settings settings;
    private final Map<String, NodeState> nodes = new HashMap<>();
    private final Map<Long, Audit> inFlight = new HashMap<>();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    private long nextId = 1;

    public AuditTracker(ReputationScheme scheme, Parameters reputationParameters, Settings settings) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.parameters = Objects.requireNonNull(reputationParameters, "reputationParameters");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds a node with a fresh score (no effect if it is known). */
    public void addNode(String node) {
        nodes.computeIfAbsent(node, n -> new NodeState(scheme.newScore(parameters)));
    }

    /** Adds a node with a persisted score, as {@link #state} returned it. */
    public void restoreNode(String node, double[] reputationState) {
        nodes.put(node, new NodeState(scheme.restore(parameters, reputationState)));
    }

    /** @return whether the node is known */
    public boolean knows(String node) {
        return nodes.containsKey(node);
    }

    /**
     * Starts an audit. A node in containment gets the challenge it owes instead of this one.
     *
     * @throws IllegalArgumentException if the node is unknown
     * @throws IllegalStateException    if the node already has an audit in flight
     */
    public Audit begin(String node, String shard, byte[] challenge, long nowNanos) {
        NodeState s = state0(node);
        if (s.pending != null && inFlight.containsKey(s.pending.id())) {
            throw new IllegalStateException("node " + node + " already has audit " + s.pending.id() + " in flight");
        }
        Audit a;
        if (s.contained && s.pending != null) {
            Audit owed = s.pending;
            a = new Audit(nextId++, node, owed.shard(), owed.challenge(), owed.attempt() + 1);
        } else {
            a = new Audit(nextId++, node, shard, challenge.clone(), 0);
        }
        s.pending = a;
        inFlight.put(a.id(), a);
        deadlines.add(new Deadline(nowNanos + settings.timeoutNanos(), a.id()));
        return a;
    }

    /** @return whether the node has an audit in flight */
    public boolean busy(String node) {
        NodeState s = nodes.get(node);
        return s != null && s.pending != null && inFlight.containsKey(s.pending.id());
    }

    /**
     * The node answered audit {@code auditId}; {@code verdict} is the scheme's check of the answer.
     *
     * @return the outcome, or {@code null} if the audit is unknown or already timed out
     */
    public Result answered(long auditId, AuditVerdict verdict, long nowNanos) {
        Audit a = inFlight.remove(auditId);
        if (a == null) {
            return null;
        }
        NodeState s = nodes.get(a.node());
        s.contained = false;
        s.pending = null;
        return count(a, s, verdict.passed(), verdict.reason(), true);
    }

    /**
     * Drops the node's audit in flight, or the challenge it owes under containment, uncounted, and
     * lifts the containment: the audited shard is no longer the node's to answer for (it was
     * moved elsewhere by repair while the challenge was out).
     */
    public void withdraw(String node) {
        NodeState s = nodes.get(node);
        if (s != null) {
            if (s.pending != null) {
                inFlight.remove(s.pending.id());
            }
            s.pending = null;
            s.contained = false;
        }
    }

    /** The node is gone for good (for example it left): its audit in flight is dropped uncounted. */
    public void forget(String node) {
        NodeState s = nodes.remove(node);
        if (s != null && s.pending != null) {
            inFlight.remove(s.pending.id());
        }
    }

    /** @return the outcomes of every audit whose deadline is at or before {@code nowNanos} */
    public List<Result> expire(long nowNanos) {
        List<Result> out = new ArrayList<>();
        while (!deadlines.isEmpty() && deadlines.peek().at() <= nowNanos) {
            Audit a = inFlight.remove(deadlines.poll().auditId());
            if (a == null) {
                continue; // answered in time
            }
            NodeState s = nodes.get(a.node());
            if (s == null) {
                continue;
            }
            if (a.attempt() < settings.retries()) {
                s.contained = true; // s.pending stays: the next audit re-asks it
                out.add(new Result(a.node(), a.shard(), Outcome.CONTAINED,
                        "no answer within the timeout (attempt " + (a.attempt() + 1) + " of " + (settings.retries() + 1) + ")",
                        s.score.value(), false, false));
            } else {
                s.contained = false;
                s.pending = null;
                out.add(count(a, s, false, "no answer after " + (settings.retries() + 1) + " attempts", false));
            }
        }
        return out;
    }

    /** @return when the next in-flight audit times out, if any */
    public OptionalLong nextDeadline() {
        while (!deadlines.isEmpty() && !inFlight.containsKey(deadlines.peek().auditId())) {
            deadlines.poll();
        }
        return deadlines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(deadlines.peek().at());
    }

    public double score(String node) {
        return state0(node).score.value();
    }

    public boolean disqualified(String node) {
        return state0(node).score.disqualified();
    }

    public boolean contained(String node) {
        return state0(node).contained;
    }

    /** @return audits counted for the node so far */
    public long audits(String node) {
        return state0(node).score.audits();
    }

    /** @return the node's reputation state, to persist */
    public double[] state(String node) {
        return state0(node).score.state();
    }

    private Result count(Audit a, NodeState s, boolean passed, String reason, boolean answered) {
        boolean before = s.score.disqualified();
        s.score.record(passed);
        boolean now = s.score.disqualified();
        return new Result(a.node(), a.shard(), passed ? Outcome.PASSED : Outcome.FAILED, reason, s.score.value(), now && !before, answered);
    }

    private NodeState state0(String node) {
        NodeState s = nodes.get(node);
        if (s == null) {
            throw new IllegalArgumentException("unknown node " + node);
        }
        return s;
    }
}
