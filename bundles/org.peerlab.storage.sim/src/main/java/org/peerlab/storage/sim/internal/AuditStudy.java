package org.peerlab.storage.sim.internal;

import java.io.IOException;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Simulator;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditScheme.AuditExhaustedException;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.audit.AuditTracker.Audit;
import org.peerlab.storage.audit.AuditTracker.Result;

/**
 * One run of {@code audit-reliability}: a population of storage nodes each holding one
 * synthetic shard, audited on virtual time with the real audit scheme (record built over the
 * shard's bytes, challenge, the node's answer, verification) and the real
 * {@link AuditTracker} (timeouts, containment, re-asks, reputation, disqualification).
 *
 * <p>Every node is audited at exponential intervals (a Poisson process per node, from its own
 * stream); an audit to an offline node goes unanswered and times out; a late node answers after
 * the timeout with {@link AuditSetup#lateProbability}; everyone else answers after
 * {@link AuditSetup#responseS}. Damaging nodes lose their blocks at
 * {@link AuditSetup#corruptionAfterH}; from then on their answers are computed by the scheme
 * from the damaged shard ({@link NodeShard}). Disqualified nodes are no longer audited.
 * Random streams: {@code population} (who misbehaves), {@code nodes} (seeds of each node's own
 * streams: audit times, late answers, churn, which blocks it loses), {@code content} and
 * {@code audit-secrets} (shard bytes and verifier secrets), {@code audit-challenges} (the
 * verifier's randomness, for schemes that draw challenges). Not thread-safe.
 */
final class AuditStudy {

    private static final double HOUR = 3600e9;
    private static final byte[] OWED = new byte[0];

    private final Simulator sim;
    private final AuditSetup setup;
    private final AuditScheme scheme;
    private final Parameters parameters;
    private final AuditTracker tracker;
    private final ShardRecords records;
    private final RandomGenerator challengeRandom;
    private final Availability availability;
    private final AuditTally tally;
    private final long end;
    private final long damageAt;
    private final long timeout;
    private final long response;
    private final String[] ids;
    private final String[] shardNames;
    private final byte[] kinds;
    private final long[] scheduleStreams;
    private final long[] lateStreams;
    private final long[][] lost;
    private final int[] round;
    private final int[] generation;
    private final int[] challengeGeneration;
    private long renewals;

    AuditStudy(Simulator sim, AuditSetup setup, AuditScheme scheme, Parameters auditParameters, AuditTracker tracker, long durationNanos) {
        this.sim = sim;
        this.setup = setup;
        this.scheme = scheme;
        this.parameters = auditParameters;
        this.tracker = tracker;
        this.end = durationNanos;
        this.damageAt = Math.round(setup.corruptionAfterH() * HOUR);
        this.timeout = Math.round(setup.timeoutS() * 1e9);
        this.response = Math.round(setup.responseS() * 1e9);
        int n = setup.nodes();
        org.apache.commons.math3.random.RandomGenerator seeds = sim.random().stream("nodes");
        this.scheduleStreams = new long[n];
        this.lateStreams = new long[n];
        long[] churnSeeds = new long[n];
        long[] damageSeeds = new long[n];
        for (int i = 0; i < n; i++) {
            scheduleStreams[i] = seeds.nextLong();
            lateStreams[i] = seeds.nextLong();
            churnSeeds[i] = seeds.nextLong();
            damageSeeds[i] = seeds.nextLong();
        }
        this.availability = new Availability(setup.churn(), churnSeeds);
        this.kinds = assignKinds(sim.random().stream("population"), setup);
        this.lost = new long[n][];
        int lostBlocks = AuditSetup.lostBlocks(setup.corruptedFraction(), setup.shardBlocks());
        for (int i = 0; i < n; i++) {
            if (kinds[i] == NodeKind.DROPPING.ordinal()) {
                lost[i] = NodeShard.scattered(setup.shardBlocks(), lostBlocks, damageSeeds, i);
            } else if (kinds[i] == NodeKind.PARTIAL.ordinal()) {
                lost[i] = NodeShard.run(setup.shardBlocks(), lostBlocks, damageSeeds, i);
            }
        }
        long[] contentSeeds = new long[setup.distinctShards()];
        org.apache.commons.math3.random.RandomGenerator content = sim.random().stream("content");
        for (int s = 0; s < contentSeeds.length; s++) {
            contentSeeds[s] = content.nextLong();
        }
        this.records = new ShardRecords(scheme, auditParameters, setup.shardLength(), contentSeeds,
                sim.random().stream("audit-secrets").nextLong());
        this.challengeRandom = new JdkRandom(sim.random().stream("audit-challenges"));
        this.tally = new AuditTally(sim.metrics(), kinds, damageAt);
        this.ids = new String[n];
        this.round = new int[n];
        this.generation = new int[n];
        this.challengeGeneration = new int[n];
        this.shardNames = new String[setup.distinctShards()];
        for (int s = 0; s < shardNames.length; s++) {
            shardNames[s] = "s" + s;
        }
        for (int i = 0; i < n; i++) {
            ids[i] = "n" + i;
            tracker.addNode(ids[i]);
        }
    }

    /** Runs the study to the end of the duration (or until cancelled); records the metrics. */
    void run() {
        for (int i = 0; i < ids.length; i++) {
            scheduleAudit(i, 0);
        }
        sim.runUntil(end);
        tally.finish(end, renewals);
    }

    /** @return answered audits of damaged shards (detection trials) */
    long detectionTrials() {
        return tally.trials();
    }

    /** Exact counts per kind, shuffled over the population. */
    private static byte[] assignKinds(org.apache.commons.math3.random.RandomGenerator random, AuditSetup setup) {
        int n = setup.nodes();
        byte[] kinds = new byte[n];
        int at = 0;
        at = fill(kinds, at, (int) Math.round(setup.dropping() * n), NodeKind.DROPPING);
        at = fill(kinds, at, (int) Math.round(setup.partial() * n), NodeKind.PARTIAL);
        fill(kinds, at, (int) Math.round(setup.late() * n), NodeKind.LATE);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = t;
        }
        return kinds;
    }

    private static int fill(byte[] kinds, int from, int count, NodeKind kind) {
        int to = Math.min(kinds.length, from + count);
        for (int i = from; i < to; i++) {
            kinds[i] = (byte) kind.ordinal();
        }
        return to;
    }

    private void scheduleAudit(int i, long now) {
        long gap = Math.round(SplitMix.exponential(scheduleStreams, i, setup.auditIntervalH()) * HOUR);
        if (now + gap <= end) {
            sim.at(now + gap, () -> audit(i));
        }
    }

    private void audit(int i) {
        if (tally.disqualified(i)) {
            return;
        }
        long now = sim.now();
        scheduleAudit(i, now);
        String id = ids[i];
        if (tracker.busy(id)) {
            tally.skipped();
            return;
        }
        byte[] challenge = tracker.contained(id) ? OWED : freshChallenge(i);
        Audit audit = tracker.begin(id, shardNames[i % shardNames.length], challenge, now);
        if (!availability.online(i, now)) {
            sim.at(now + timeout, this::expire);
            return;
        }
        if (kinds[i] == NodeKind.LATE.ordinal() && SplitMix.nextDouble(lateStreams, i) < setup.lateProbability()) {
            sim.at(now + timeout, this::expire);
            sim.at(now + 2 * timeout, () -> lateAnswer(i, audit));
            return;
        }
        boolean damaged = lost[i] != null && now >= damageAt;
        AuditVerdict verdict = answer(i, audit, damaged);
        Result r = tracker.answered(audit.id(), verdict, now + response);
        if (r != null) {
            tally.outcome(i, r, true, damaged, now);
        }
    }

    private byte[] freshChallenge(int i) {
        int shard = i % shardNames.length;
        while (true) {
            try {
                byte[] c = scheme.challenge(parameters, records.record(shard, generation[i]), round[i], challengeRandom);
                challengeGeneration[i] = generation[i];
                round[i]++;
                return c;
            } catch (AuditExhaustedException e) {
                if (round[i] == 0) {
                    throw new IllegalStateException("a fresh record of " + scheme.descriptor().name() + " has no challenge: " + e.getMessage(), e);
                }
                generation[i]++;
                round[i] = 0;
                renewals++;
            }
        }
    }

    /** The node's answer, computed by the scheme, and the verifier's verdict on it. */
    private AuditVerdict answer(int i, Audit audit, boolean damaged) {
        int shard = i % shardNames.length;
        byte[] answer;
        try {
            if (damaged) {
                NodeShard held = new NodeShard(records.content(shard), setup.blockSize(), lost[i], kinds[i] == NodeKind.PARTIAL.ordinal(),
                        SplitMix.mix(~(long) i));
                answer = scheme.respond(parameters, audit.challenge(), held);
            } else {
                answer = records.intactAnswer(shard, audit.challenge());
            }
        } catch (IOException e) {
            return AuditVerdict.fail("the node could not read its shard: " + e.getMessage());
        }
        return scheme.verify(parameters, records.record(shard, challengeGeneration[i]), audit.challenge(), answer);
    }

    private void lateAnswer(int i, Audit audit) {
        Result r = tracker.answered(audit.id(), answer(i, audit, false), sim.now());
        if (r == null) {
            tally.lateAnswer();
        } else {
            tally.outcome(i, r, true, false, sim.now());
        }
    }

    private void expire() {
        for (Result r : tracker.expire(sim.now())) {
            tally.outcome(index(r.node()), r, false, false, sim.now());
        }
    }

    private static int index(String id) {
        return Integer.parseInt(id, 1, id.length(), 10);
    }
}
