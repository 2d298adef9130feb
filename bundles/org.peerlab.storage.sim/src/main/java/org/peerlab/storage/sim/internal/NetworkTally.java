package org.peerlab.storage.sim.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.storage.audit.AuditTracker;

/**
 * What the {@code storage-network} study counts while it runs: audit outcomes as the real
 * coordinator reports them (told apart by whether the audited shard was really spoiled, which
 * only the simulated disk knows), first failures and disqualifications per node, puts, gets,
 * repairs and their bytes. Simulation thread only.
 */
final class NetworkTally {

    /** Problems kept for the report's notes. */
    private static final int KEPT_PROBLEMS = 8;

    private final Map<String, NetNode> nodes = new HashMap<>();
    final Map<String, Long> firstFailureMillis = new HashMap<>();
    final Map<String, Long> disqualifiedMillis = new HashMap<>();
    final Map<NetNodeKind, long[]> spoiledAudits = new EnumMap<>(NetNodeKind.class); // {answered, failed} on spoiled shards
    final List<String> problems = new ArrayList<>();
    long problemCount;
    long registrations;
    long passed;
    long failed;
    long contained;
    long timedOut;
    long honestFailedIntact;
    long putsAcknowledged;
    long putFailures;
    long putRetries;
    long getsVerified;
    long getFailures;
    long repairTasks;
    long repairTasksFailed;
    long shardsRepaired;
    long repairBytesRead;
    long repairBytesWritten;

    void add(NetNode node) {
        nodes.put(node.id, node);
    }

    void registered(NetNode node) {
        registrations++;
    }

    void problem(String what) {
        problemCount++;
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(what);
        }
    }

    void audited(AuditTracker.Result r, long nowMillis) {
        NetNode node = nodes.get(r.node());
        switch (r.outcome()) {
            case PASSED -> passed++;
            case CONTAINED -> contained++;
            case FAILED -> {
                failed++;
                if (!r.answered()) {
                    timedOut++;
                }
                firstFailureMillis.putIfAbsent(r.node(), nowMillis);
            }
        }
        if (r.newlyDisqualified()) {
            disqualifiedMillis.putIfAbsent(r.node(), nowMillis);
        }
        if (node == null || r.outcome() == AuditTracker.Outcome.CONTAINED || !r.answered()) {
            return;
        }
        boolean spoiled = node.store.spoiled(r.shard());
        if (spoiled) {
            long[] c = spoiledAudits.computeIfAbsent(node.kind, x -> new long[2]);
            c[0]++;
            if (r.outcome() == AuditTracker.Outcome.FAILED) {
                c[1]++;
            }
        } else if (r.outcome() == AuditTracker.Outcome.FAILED) {
            honestFailedIntact++;
            problem("an answered audit of intact shard " + r.shard() + " on node " + node.host.name() + " failed: " + r.reason());
        }
    }

    /** @return {answered, failed} audits of spoiled shards of nodes of that kind */
    long[] spoiled(NetNodeKind kind) {
        return spoiledAudits.getOrDefault(kind, new long[2]);
    }
}
