package org.peerlab.storage.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides when a file needs repair and from what: when fewer than {@code repairThreshold} of its
 * n shards are healthy (but at least k are), k healthy shards are read and every other shard is
 * rebuilt onto new nodes (at once, whatever the threshold, when asked to: a disqualified node's
 * shards are never coming back). Waiting for the threshold rather than repairing each lost shard at once
 * trades a little durability for far less repair traffic (one read of k shards rebuilds several).
 * Immutable.
 */
public final class RepairPlanner {

    /**
     * @param lost    fewer than k healthy shards remain: the file cannot be rebuilt
     * @param needed  the file is below the threshold and can be repaired
     * @param sources the k healthy shard indices to read (lowest indices first), when needed
     * @param rebuild the indices to rebuild (every unhealthy one), when needed
     */
    public record Plan(boolean lost, boolean needed, List<Integer> sources, List<Integer> rebuild) {
    }

    private final int k;
    private final int n;
    private final int threshold;

    /**
     * @param repairThreshold repair when healthy shards fall below this; k < threshold <= n
     *                        (n means: repair any loss at once)
     */
    public RepairPlanner(int k, int n, int repairThreshold) {
        if (k < 1 || n < k || repairThreshold <= k || repairThreshold > n) {
            throw new IllegalArgumentException("need 1 <= k <= n and k < repair threshold <= n, got k " + k + ", n " + n
                    + ", threshold " + repairThreshold);
        }
        this.k = k;
        this.n = n;
        this.threshold = repairThreshold;
    }

    /** @return the default threshold for k-of-n: halfway between k and n, at least k + 1 */
    public static int defaultThreshold(int k, int n) {
        return Math.max(k + 1, Math.min(n, k + (n - k + 1) / 2));
    }

    public int k() {
        return k;
    }

    public int n() {
        return n;
    }

    public int threshold() {
        return threshold;
    }

    /** @param shards the file's shards (missing indices count as unhealthy) */
    public Plan plan(List<ShardHealth> shards) {
        return plan(shards, false);
    }

    /**
     * Like {@link #plan(List)}, but with {@code now} set any unhealthy shard is rebuilt at once,
     * whatever the threshold: the coordinator does this when a node holding one of the file's
     * shards is disqualified, since such a node will never count again.
     */
    public Plan plan(List<ShardHealth> shards, boolean now) {
        boolean[] healthy = new boolean[n];
        for (ShardHealth s : shards) {
            if (s.index() < 0 || s.index() >= n) {
                throw new IllegalArgumentException("shard index " + s.index() + " outside 0.." + (n - 1));
            }
            healthy[s.index()] |= s.healthy() && s.node() != null;
        }
        List<Integer> good = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (healthy[i] ? good : bad).add(i);
        }
        if (good.size() < k) {
            return new Plan(true, false, List.of(), List.copyOf(bad));
        }
        if (good.size() >= threshold && !(now && !bad.isEmpty())) {
            return new Plan(false, false, List.of(), List.of());
        }
        return new Plan(false, true, List.copyOf(good.subList(0, k)), List.copyOf(bad));
    }
}
