package org.peerlab.storage.sim.internal;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Simulator;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.repair.RepairPlanner;
import org.peerlab.storage.repair.ShardHealth;

/**
 * The coordinator's side of {@code durability}: keeps each file's healthy and intact counts in
 * step with what happens to nodes and shards, places shards with the placement strategy, and
 * repairs with the {@link RepairPlanner} when a file's healthy shards fall below the threshold,
 * or at once, whatever the threshold, when a node holding one of its shards is disqualified.
 *
 * <p>A repair reads k shards (the planner's sources) and writes every shard the planner lists to
 * new nodes chosen by the placement strategy. It takes time: every node's link carries one
 * transfer at a time at {@code bandwidth}, so a read waits for the source's link, and the writes
 * start when all reads are done and wait for the targets' links. A source that turns out to have
 * dropped its shard is caught by the read (the coordinator keeps shard hashes) and replaced
 * before the repair starts. A repair whose source fails before the end is retried. Only
 * reachable shards (node online, not disqualified, not known bad) count as healthy for planning.
 * Not thread-safe.
 */
final class ShardLedger {

    private final Simulator sim;
    private final StorageNodes nodes;
    private final StoredFiles files;
    private final RepairPlanner planner;
    private final NodeChooser chooser;
    private final DurabilityTally tally;
    private final long shardBytes;
    private final long transferNanos;
    private final long retryNanos;
    private final double dropShare;

    ShardLedger(Simulator sim, StorageNodes nodes, StoredFiles files, RepairPlanner planner, PlacementStrategy placement,
            Parameters placementParameters, AuditTracker tracker, DurabilityTally tally, DurabilitySetup setup, long shardBytes) {
        this.sim = sim;
        this.nodes = nodes;
        this.files = files;
        this.planner = planner;
        this.tally = tally;
        this.shardBytes = shardBytes;
        long capacity = Math.round(setup.capacityGib() * 1024 * 1024 * 1024);
        this.chooser = new NodeChooser(nodes, files, placement, placementParameters, new JdkRandom(sim.random().stream("placement")),
                sim.random().stream("candidates").nextLong(), tracker, capacity, shardBytes, setup.candidates());
        this.transferNanos = Math.max(1, Math.round(shardBytes * 8.0 / (setup.bandwidthMbps() * 1e6) * 1e9));
        this.retryNanos = Math.round(setup.retryH() * 3600e9);
        this.dropShare = setup.dropShare();
    }

    /** Places every shard of file {@code f} at once (the initial upload; takes no time). */
    void upload(int f) throws PlacementException {
        int[] chosen = chooser.choose(f, files.n);
        for (int idx = 0; idx < files.n; idx++) {
            nodes.used[chosen[idx]] += shardBytes;
            store(f * files.n + idx, chosen[idx]);
        }
    }

    /** The coordinator stops counting node {@code i}'s shards as healthy (offline past the grace, or disqualified). */
    void nodeUnhealthy(int i) {
        if (nodes.unhealthy[i]) {
            return;
        }
        nodes.unhealthy[i] = true;
        int[] keys = nodes.shards(i);
        for (int key : keys) {
            if (!files.knownBad(key)) {
                files.healthy[key / files.n]--;
            }
        }
        for (int key : keys) {
            check(key / files.n);
        }
    }

    /**
     * Node {@code i} was disqualified: its shards never count again, and the files it held are
     * repaired at once, whatever their threshold (the planner's {@code now}).
     */
    void nodeDisqualified(int i) {
        int[] keys = nodes.shards(i);
        for (int key : keys) {
            files.urgent[key / files.n] = true;
        }
        if (!nodes.unhealthy[i]) {
            nodeUnhealthy(i);
        } else {
            for (int key : keys) {
                check(key / files.n);
            }
        }
    }

    /** Node {@code i} is back (and not disqualified): its shards count again. */
    void nodeHealthy(int i) {
        if (!nodes.unhealthy[i] || nodes.disqualified[i]) {
            return;
        }
        nodes.unhealthy[i] = false;
        for (int j = 0; j < nodes.shardCount(i); j++) {
            int key = nodes.shard(i, j);
            if (!files.knownBad(key)) {
                files.healthy[key / files.n]++;
            }
        }
    }

    /** Shard {@code key} failed an audit: the coordinator counts it as unhealthy from now on. */
    void markBad(int key) {
        if (markBadQuietly(key)) {
            check(key / files.n);
        }
    }

    /** Node {@code i}'s disk is gone: its shards no longer exist (the coordinator learns it as the node stays offline). */
    void diskLost(int i) {
        for (int j = 0; j < nodes.shardCount(i); j++) {
            int key = nodes.shard(i, j);
            if (!files.dropped(key)) {
                files.intact[key / files.n]--;
                lossCheck(key / files.n);
            }
        }
    }

    /** Node {@code i} silently drops shard {@code key} (the coordinator does not know). */
    void drop(int key) {
        if (files.dropped(key)) {
            return;
        }
        files.flags[key] |= StoredFiles.DROPPED;
        if (nodes.alive[files.holder[key]]) {
            files.intact[key / files.n]--;
            lossCheck(key / files.n);
        }
    }

    /**
     * Repairs file {@code f} if the coordinator counts fewer healthy shards than the threshold, or
     * at once if one of its nodes was disqualified.
     */
    void check(int f) {
        if (files.lost[f] || files.repairing[f] || (!files.urgent[f] && files.healthy[f] >= planner.threshold())) {
            return;
        }
        RepairPlanner.Plan plan;
        while (true) {
            plan = planner.plan(health(f), files.urgent[f]);
            if (plan.lost()) {
                retryLater(f);
                return;
            }
            if (!plan.needed()) {
                files.urgent[f] = false;
                return;
            }
            boolean caught = false;
            for (int s : plan.sources()) {
                int key = f * files.n + s;
                if (files.dropped(key)) {
                    markBadQuietly(key); // the read does not match the shard's hash
                    tally.badShardFound();
                    caught = true;
                }
            }
            if (!caught) {
                break;
            }
        }
        int[] rebuild = plan.rebuild().stream().mapToInt(Integer::intValue).toArray();
        int[] targets;
        try {
            targets = chooser.choose(f, rebuild.length);
        } catch (PlacementException e) {
            retryLater(f);
            return;
        }
        long now = sim.now();
        int[] sources = plan.sources().stream().mapToInt(s -> files.holder[f * files.n + s]).toArray();
        long ready = now;
        for (int src : sources) {
            nodes.busyUntil[src] = Math.max(now, nodes.busyUntil[src]) + transferNanos;
            ready = Math.max(ready, nodes.busyUntil[src]);
        }
        long done = ready;
        for (int t : targets) {
            nodes.used[t] += shardBytes;
            nodes.busyUntil[t] = Math.max(ready, nodes.busyUntil[t]) + transferNanos;
            done = Math.max(done, nodes.busyUntil[t]);
        }
        files.repairing[f] = true;
        files.urgent[f] = false;
        tally.repairStarted((sources.length + targets.length) * shardBytes);
        sim.at(done, () -> complete(f, sources, rebuild, targets, now));
    }

    private void complete(int f, int[] sources, int[] rebuild, int[] targets, long started) {
        files.repairing[f] = false;
        boolean sourcesHeld = true;
        for (int src : sources) {
            sourcesHeld &= nodes.alive[src];
        }
        if (files.lost[f] || !sourcesHeld) {
            for (int t : targets) {
                nodes.used[t] -= shardBytes;
            }
            if (!files.lost[f]) {
                tally.repairFailed();
                check(f);
            }
            return;
        }
        int rebuilt = 0;
        for (int j = 0; j < rebuild.length; j++) {
            int t = targets[j];
            if (!nodes.alive[t]) {
                nodes.used[t] -= shardBytes;
                continue;
            }
            int key = f * files.n + rebuild[j];
            discard(key);
            store(key, t);
            rebuilt++;
        }
        tally.repaired(rebuilt, sim.now() - started);
        check(f);
    }

    /** Deletes the shard at {@code key} from its holder (it is being replaced). */
    private void discard(int key) {
        int old = files.holder[key];
        if (old < 0) {
            return;
        }
        int f = key / files.n;
        if (!nodes.unhealthy[old] && !files.knownBad(key)) {
            files.healthy[f]--;
        }
        if (nodes.alive[old] && !files.dropped(key)) {
            files.intact[f]--;
        }
        nodes.removeShard(old, key);
        nodes.used[old] -= shardBytes;
        files.holder[key] = -1;
        files.flags[key] = 0;
    }

    /** Puts a new copy of shard {@code key} on node {@code i} (its space is already counted). */
    private void store(int key, int i) {
        int f = key / files.n;
        files.holder[key] = i;
        nodes.addShard(i, key);
        if (nodes.dropping[i] && sim.now() >= nodes.dropAt[i] && SplitMix.nextDouble(nodes.lifeStreams, i) < dropShare) {
            files.flags[key] |= StoredFiles.DROPPED;
        } else {
            files.intact[f]++;
        }
        if (!nodes.unhealthy[i]) {
            files.healthy[f]++;
        }
    }

    private boolean markBadQuietly(int key) {
        if (files.knownBad(key) || files.holder[key] < 0) {
            return false;
        }
        boolean counted = !nodes.unhealthy[files.holder[key]];
        files.flags[key] |= StoredFiles.KNOWN_BAD;
        if (counted) {
            files.healthy[key / files.n]--;
        }
        return true;
    }

    private void lossCheck(int f) {
        if (!files.lost[f] && files.intact[f] < files.k) {
            files.lost[f] = true;
            tally.fileLost(sim.now());
        }
    }

    private void retryLater(int f) {
        tally.repairDeferred();
        if (!files.retrying[f]) {
            files.retrying[f] = true;
            sim.schedule(retryNanos, () -> {
                files.retrying[f] = false;
                check(f);
            });
        }
    }

    /** The shards as the repair planner sees them: reachable now, not disqualified, not known bad. */
    private List<ShardHealth> health(int f) {
        List<ShardHealth> out = new ArrayList<>(files.n);
        for (int idx = 0; idx < files.n; idx++) {
            int key = f * files.n + idx;
            int h = files.holder[key];
            boolean ok = h >= 0 && nodes.online[h] && !nodes.disqualified[h] && !files.knownBad(key);
            out.add(new ShardHealth(idx, h < 0 ? null : nodes.ids[h], ok));
        }
        return out;
    }
}
