package org.peerlab.storage.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.audit.AuditTracker.Audit;
import org.peerlab.storage.audit.AuditTracker.Result;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.StorageMessage.Challenge;
import org.peerlab.storage.wire.StorageMessage.Error;
import org.peerlab.storage.wire.StorageMessage.Proof;

/**
 * Audits: every audit-interval each online, connected, qualified node gets a challenge for a
 * random shard it holds, shards that failed before included, so that a node that lost data keeps
 * failing, and is disqualified, until repair moves those shards elsewhere (a contained node gets
 * the challenge it owes instead, see {@link AuditTracker}); its PROOF is checked with the shard's audit scheme against the record
 * alone. Outcomes update the node's reputation (persisted), a failure marks the shard unhealthy,
 * a disqualification makes all of the node's shards unhealthy. Not thread-safe.
 */
final class Auditor {

    /** What the coordinator needs to check the answer to one audit. */
    private record Pending(long auditId, String node, String shard, AuditScheme scheme, Parameters parameters, String parametersText,
            byte[] record, byte[] challenge) {
    }

    private final CoordinatorContext ctx;
    private final NodeRegistry nodes;
    private final FileIndex files;
    private final Map<String, Pending> inFlight = new HashMap<>(); // by node: at most one each
    private final Map<String, Pending> owed = new HashMap<>(); // by node: its last challenge, re-asked under containment
    private final Set<String> exhausted = new HashSet<>();
    private final Set<String> missingSchemes = new HashSet<>();
    private boolean disqualifiedSinceAsked;

    Auditor(CoordinatorContext ctx, NodeRegistry nodes, FileIndex files) {
        this.ctx = ctx;
        this.nodes = nodes;
        this.files = files;
    }

    /** @return whether a node was disqualified since the last call (the repair scan should run) */
    boolean takeDisqualified() {
        boolean d = disqualifiedSinceAsked;
        disqualifiedSinceAsked = false;
        return d;
    }

    /** Expires unanswered audits and starts those that are due. */
    void tick(long now) {
        for (Result r : ctx.tracker.expire(CoordinatorContext.nanos(now))) {
            Pending p = inFlight.remove(r.node());
            outcome(r, p, now);
        }
        for (NodeState n : nodes.all()) {
            if (n.conn >= 0 && now >= n.nextAuditAt && !n.record.disqualified() && nodes.online(n, now) && !ctx.tracker.busy(n.id())) {
                n.nextAuditAt = now + ctx.settings.auditIntervalMillis();
                start(n, now);
            }
        }
    }

    private void start(NodeState n, long now) {
        Pending p;
        Pending stale = owed.get(n.id());
        if (stale != null && !holds(stale)) {
            withdraw(n.id());
        }
        if (ctx.tracker.contained(n.id()) && owed.containsKey(n.id())) {
            Pending o = owed.get(n.id());
            Audit a = ctx.tracker.begin(n.id(), o.shard(), o.challenge(), CoordinatorContext.nanos(now));
            p = new Pending(a.id(), n.id(), a.shard(), o.scheme(), o.parameters(), o.parametersText(), o.record(), a.challenge());
        } else {
            p = fresh(n, now);
            if (p == null) {
                return;
            }
        }
        inFlight.put(n.id(), p);
        owed.put(n.id(), p);
        ctx.send(n.conn, new Challenge(p.auditId(), p.shard(), p.scheme().descriptor().name(), p.parametersText(), p.challenge()));
    }

    private Pending fresh(NodeState n, long now) {
        List<String> choices = new ArrayList<>();
        for (String s : files.shardsOf(n.id())) {
            if (!exhausted.contains(s)) { // failed shards too: a node keeps answering for them until repair moves them
                choices.add(s);
            }
        }
        if (choices.isEmpty()) {
            return null;
        }
        String shard = choices.get(ctx.random.nextInt(choices.size()));
        Optional<FileRecord> file = ctx.ledger.file(FileIndex.fileOf(shard));
        if (file.isEmpty()) {
            return null;
        }
        FileRecord r = file.get();
        byte[] record = r.shards().get(FileIndex.indexOf(shard)).auditRecord();
        Optional<AuditScheme> scheme = ctx.audit(r.audit());
        if (scheme.isEmpty()) {
            if (missingSchemes.add(r.audit())) {
                ctx.log("cannot audit shards of audit scheme " + r.audit() + ": it is not installed");
            }
            return null;
        }
        Parameters params;
        byte[] challenge;
        ShardState state = ctx.ledger.shard(shard);
        try {
            params = ctx.auditParameters(scheme.get(), r.auditParameters());
            challenge = scheme.get().challenge(params, record, state.nextRound(), ctx.random);
        } catch (AuditScheme.AuditExhaustedException | IllegalArgumentException e) {
            exhausted.add(shard);
            ctx.log("shard " + shard + " on node " + n.id() + " can no longer be audited: " + e.getMessage());
            return null;
        }
        ctx.ledger.putShard(shard, new ShardState(state.nextRound() + 1, state.failed()));
        ctx.wrote();
        Audit a = ctx.tracker.begin(n.id(), shard, challenge, CoordinatorContext.nanos(now));
        return new Pending(a.id(), n.id(), shard, scheme.get(), params, r.auditParameters(), record, challenge);
    }

    /** A PROOF arrived from {@code node}. Late or unknown answers are ignored. */
    void proof(NodeState n, Proof proof, long now) {
        Pending p = inFlight.get(n.id());
        if (p == null || p.auditId() != proof.auditId()) {
            return;
        }
        if (!holds(p)) {
            withdraw(n.id());
            return;
        }
        AuditVerdict verdict;
        try {
            verdict = p.scheme().verify(p.parameters(), p.record(), p.challenge(), proof.response());
        } catch (RuntimeException e) {
            verdict = AuditVerdict.fail("the response could not be checked: " + e.getMessage());
        }
        answered(p, verdict, now);
    }

    /** An ERROR arrived from {@code node}: NOT_FOUND or CORRUPT naming the shard in flight is a failed audit. */
    void error(NodeState n, Error e, long now) {
        Pending p = inFlight.get(n.id());
        if (p != null && !holds(p)) {
            withdraw(n.id());
            return;
        }
        if (p != null && (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.CORRUPT || e.code() == ErrorCode.MALFORMED)
                && e.message().contains(p.shard())) {
            answered(p, AuditVerdict.fail("the node answered " + e.code() + ": " + e.message()), now);
        }
    }

    /** @return whether the audited shard is still the node's (repair may have moved it while the challenge was out) */
    private boolean holds(Pending p) {
        FileIndex.Layout l = files.layout(FileIndex.fileOf(p.shard()));
        return l != null && p.node().equals(l.nodes()[FileIndex.indexOf(p.shard())]);
    }

    /** Forgets the node's audit of a shard it no longer holds, uncounted. */
    private void withdraw(String node) {
        inFlight.remove(node);
        owed.remove(node);
        ctx.tracker.withdraw(node);
    }

        private void answered(Pending p, AuditVerdict verdict, long now) {
        inFlight.remove(p.node());
        Result r = ctx.tracker.answered(p.auditId(), verdict, CoordinatorContext.nanos(now));
        if (r != null) {
            outcome(r, p, now);
        }
    }

    private void outcome(Result r, Pending p, long now) {
        ctx.out.audited(r, now);
        NodeState n = nodes.get(r.node());
        if (n == null) {
            return;
        }
        switch (r.outcome()) {
            case PASSED -> {
            }
            case CONTAINED -> ctx.log("audit of shard " + r.shard() + " on node " + r.node() + " unanswered; node contained: " + r.reason());
            case FAILED -> {
                String shard = r.shard();
                FileIndex.Layout l = files.layout(FileIndex.fileOf(shard));
                if (l != null && r.node().equals(l.nodes()[FileIndex.indexOf(shard)]) && !files.failed(shard)) {
                    files.markFailed(shard);
                    ctx.ledger.putShard(shard, new ShardState(ctx.ledger.shard(shard).nextRound(), true));
                }
                ctx.log(String.format(java.util.Locale.ROOT, "audit FAILED: node %s, shard %s: %s (reputation %.4f)", r.node(), shard,
                        r.reason(), r.score()));
            }
        }
        if (r.outcome() != AuditTracker.Outcome.CONTAINED) {
            n.record = n.record.withReputation(ctx.tracker.state(r.node()), ctx.tracker.disqualified(r.node()));
            ctx.ledger.putNode(n.record);
            ctx.wrote();
        }
        if (r.newlyDisqualified()) {
            disqualifiedSinceAsked = true;
            ctx.log(String.format(java.util.Locale.ROOT, "node %s DISQUALIFIED (reputation %.4f): its %d shard(s) count as lost", r.node(),
                    r.score(), files.shardsOf(r.node()).size()));
        }
        if (p != null && !ctx.tracker.contained(r.node())) {
            owed.remove(r.node());
        }
    }
}
