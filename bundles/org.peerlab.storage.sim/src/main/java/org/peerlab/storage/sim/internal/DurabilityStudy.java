package org.peerlab.storage.sim.internal;

import java.nio.ByteBuffer;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.audit.AuditTracker.Audit;
import org.peerlab.storage.audit.AuditTracker.Outcome;
import org.peerlab.storage.audit.AuditTracker.Result;

/**
 * One run of {@code durability}: a constant population of storage nodes over simulated time,
 * with permanent disk failures (exponential lifetimes; a failed node is replaced at once by an
 * empty one), benign churn, and nodes that silently drop shards; files spread over distinct
 * nodes, audited through the real {@link AuditTracker} and repaired through {@link ShardLedger}.
 *
 * <p>Audits here do not run an audit scheme: a node is asked about one of its shards chosen at
 * random and fails exactly when it dropped that shard (a whole dropped shard is caught by any
 * scheme; how well partial damage is caught is what {@code audit-reliability} measures). An
 * audit to an offline or dead node times out and goes through containment and re-asks like a
 * real one. A failed audit marks the shard bad; a disqualified node's shards all count as
 * unhealthy. Random streams: {@code nodes} (per-node stream seeds), {@code placement} and
 * {@code candidates} (placement). Not thread-safe.
 */
final class DurabilityStudy {

    private static final double HOUR = 3600e9;
    private static final byte[] OWED = new byte[0];

    private final Simulator sim;
    private final DurabilitySetup setup;
    private final StorageNodes nodes;
    private final StoredFiles files;
    private final ShardLedger ledger;
    private final AuditTracker tracker;
    private final DurabilityTally tally;
    private final RandomGenerator seeds;
    private final long end;
    private final long grace;
    private final long timeout;
    private final double lifetimeHours;

    DurabilityStudy(Simulator sim, DurabilitySetup setup, StorageNodes nodes, StoredFiles files, ShardLedger ledger, AuditTracker tracker,
            DurabilityTally tally, long durationNanos) {
        this.sim = sim;
        this.setup = setup;
        this.nodes = nodes;
        this.files = files;
        this.ledger = ledger;
        this.tracker = tracker;
        this.tally = tally;
        this.seeds = sim.random().stream("nodes");
        this.end = durationNanos;
        this.grace = Math.round(setup.graceH() * HOUR);
        this.timeout = Math.round(setup.timeoutS() * 1e9);
        double rate = -Math.log(1 - setup.annualFailureRate());
        this.lifetimeHours = rate > 0 ? 24 * 365.25 / rate : Double.POSITIVE_INFINITY;
    }

    /**
     * Creates the nodes, uploads the files and runs to the end (or until cancelled).
     *
     * @throws PlacementException if the initial upload cannot place a file
     */
    void run() throws PlacementException {
        for (int i = 0; i < setup.nodes(); i++) {
            join(seeds.nextLong(), seeds.nextLong(), seeds.nextLong());
        }
        for (int f = 0; f < files.files; f++) {
            ledger.upload(f);
        }
        sim.runUntil(end);
        tally.finish(end, files.files, setup.nodes(), files.n / (double) files.k);
    }

    private void join(long lifeSeed, long churnSeed, long auditSeed) {
        int i = nodes.add(lifeSeed, churnSeed, auditSeed);
        tracker.addNode(nodes.ids[i]);
        long now = sim.now();
        if (SplitMix.nextDouble(nodes.lifeStreams, i) < setup.dropping()) {
            nodes.dropping[i] = true;
            nodes.dropAt[i] = now + (long) (SplitMix.nextDouble(nodes.lifeStreams, i) * end);
            if (nodes.dropAt[i] <= end) {
                sim.at(nodes.dropAt[i], () -> dropShards(i));
            }
        }
        double life = SplitMix.exponential(nodes.lifeStreams, i, lifetimeHours);
        if (now + life * HOUR <= end) {
            sim.at(now + Math.round(life * HOUR), () -> fail(i));
        }
        if (SplitMix.nextDouble(nodes.churnStreams, i) < setup.churn().share()) {
            if (now > 0 || SplitMix.nextDouble(nodes.churnStreams, i) < setup.churn().onlineProbability()) {
                scheduleOffline(i);
            } else {
                goOffline(i, draw(i, setup.churn().downtime()));
            }
        }
        scheduleAudit(i);
    }

    private void fail(int i) {
        tally.nodeFailed();
        nodes.retire(i);
        ledger.diskLost(i);
        nodes.alive[i] = false;
        if (nodes.online[i]) {
            goOffline(i, Long.MAX_VALUE);
        } else {
            // offline already, maybe for less than the grace: it is not coming back
            int epoch = ++nodes.epoch[i];
            sim.at(Math.max(sim.now(), nodes.offlineSince[i] + grace), () -> graceOver(i, epoch));
        }
        join(seeds.nextLong(), seeds.nextLong(), seeds.nextLong());
    }

    private void dropShards(int i) {
        if (!nodes.alive[i]) {
            return;
        }
        for (int key : nodes.shards(i)) {
            if (SplitMix.nextDouble(nodes.lifeStreams, i) < setup.dropShare()) {
                ledger.drop(key);
            }
        }
    }

    /** Draws a period of {@code d} (hours) for node {@code i}'s churn, in nanoseconds. */
    private long draw(int i, Dist d) {
        // the arrays grow, so never keep a SlotRandom
        return Math.max(1, Math.round(d.sample(new SlotRandom(nodes.churnStreams).at(i)) * HOUR));
    }

    private void scheduleOffline(int i) {
        long at = sim.now() + draw(i, setup.churn().uptime());
        if (at <= end) {
            sim.at(at, () -> {
                if (nodes.alive[i]) {
                    goOffline(i, draw(i, setup.churn().downtime()));
                }
            });
        }
    }

    /**
     * Node {@code i} goes offline for {@code downtime} ns; only if that outlasts the grace does
     * the coordinator stop counting its shards (one event then, none for short absences).
     */
    private void goOffline(int i, long downtime) {
        nodes.online[i] = false;
        nodes.offlineSince[i] = sim.now();
        int epoch = ++nodes.epoch[i];
        if (downtime > grace) {
            sim.schedule(grace, () -> graceOver(i, epoch));
        }
        if (downtime != Long.MAX_VALUE && sim.now() + downtime <= end) {
            sim.schedule(downtime, () -> comeBack(i));
        }
    }

    private void graceOver(int i, int epoch) {
        if (!nodes.online[i] && nodes.epoch[i] == epoch) {
            ledger.nodeUnhealthy(i);
        }
    }

    private void comeBack(int i) {
        if (!nodes.alive[i]) {
            return;
        }
        nodes.online[i] = true;
        ++nodes.epoch[i];
        ledger.nodeHealthy(i);
        scheduleOffline(i);
    }

    private void scheduleAudit(int i) {
        long at = sim.now() + Math.round(SplitMix.exponential(nodes.auditStreams, i, setup.auditIntervalH()) * HOUR);
        if (at <= end) {
            sim.at(at, () -> audit(i));
        }
    }

    private void audit(int i) {
        if (nodes.disqualified[i]) {
            return;
        }
        scheduleAudit(i);
        if (nodes.unhealthy[i]) {
            return; // known to be away: the coordinator audits it again once it is back
        }
        String id = nodes.ids[i];
        boolean owes = tracker.contained(id);
        if ((!owes && nodes.shardCount(i) == 0) || tracker.busy(id)) {
            return;
        }
        byte[] challenge = owes ? OWED
                : ByteBuffer.allocate(4).putInt(nodes.shard(i, SplitMix.nextInt(nodes.auditStreams, i, nodes.shardCount(i)))).array();
        long now = sim.now();
        Audit audit = tracker.begin(id, "shard", challenge, now);
        if (!nodes.alive[i] || !nodes.online[i]) {
            sim.at(now + timeout, this::expire);
            return;
        }
        int key = ByteBuffer.wrap(audit.challenge()).getInt();
        boolean held = files.holder[key] == i && !files.dropped(key);
        boolean moved = files.holder[key] != i; // repaired away meanwhile: the node was told to delete it
        AuditVerdict verdict = held || moved ? AuditVerdict.pass() : AuditVerdict.fail("shard dropped");
        Result r = tracker.answered(audit.id(), verdict, now);
        if (r != null) {
            outcome(i, r, verdict.passed() ? -1 : key);
        }
    }

    private void expire() {
        for (Result r : tracker.expire(sim.now())) {
            outcome(StorageNodes.index(r.node()), r, -1);
        }
    }

    /** @param badKey the shard the node failed to prove, or -1 */
    private void outcome(int i, Result r, int badKey) {
        if (r.outcome() == Outcome.FAILED && badKey >= 0) {
            ledger.markBad(badKey);
        }
        if (r.newlyDisqualified()) {
            nodes.disqualified[i] = true;
            nodes.retire(i);
            boolean dropped = nodes.dropping[i] && sim.now() >= nodes.dropAt[i];
            tally.disqualified(nodes.alive[i] && !dropped, nodes.dropping[i]);
            ledger.nodeDisqualified(i);
        }
    }
}
