package org.peerlab.storage.sim.internal;

import java.util.Arrays;

/**
 * The storage nodes of a {@code durability} run in growable primitive arrays (a failed node is
 * replaced by a new one, so the count only grows): liveness, availability and the
 * coordinator's view of it, disqualification, misbehaviour, disk use, link occupancy, the
 * shards each node holds, and the pool of nodes placements may choose (alive and not
 * disqualified). Node {@code i}'s id is {@code "n" + i}. Not thread-safe.
 */
final class StorageNodes {

    int count;
    boolean[] alive = new boolean[0];
    boolean[] online = new boolean[0];
    /** The coordinator counts the node's shards as unhealthy (offline past the grace, or disqualified). */
    boolean[] unhealthy = new boolean[0];
    boolean[] disqualified = new boolean[0];
    boolean[] dropping = new boolean[0];
    long[] dropAt = new long[0];
    long[] offlineSince = new long[0];
    long[] used = new long[0];
    long[] busyUntil = new long[0];
    int[] epoch = new int[0];
    /** Per-node random streams ({@link SplitMix} states), one per concern so that they stay aligned across points. */
    long[] lifeStreams = new long[0];
    long[] churnStreams = new long[0];
    long[] auditStreams = new long[0];
    String[] ids = new String[0];
    private int[][] shards = new int[0][];
    private int[] shardCount = new int[0];
    private int[] pool = new int[0];
    private int[] poolPos = new int[0];
    private int poolSize;

    /** Adds an alive, online, empty node with its own random streams. @return its index */
    int add(long lifeSeed, long churnSeed, long auditSeed) {
        int i = count++;
        if (i == alive.length) {
            grow(Math.max(16, i * 2));
        }
        alive[i] = true;
        online[i] = true;
        lifeStreams[i] = lifeSeed;
        churnStreams[i] = churnSeed;
        auditStreams[i] = auditSeed;
        ids[i] = "n" + i;
        shards[i] = new int[8];
        poolPos[i] = poolSize;
        pool[poolSize++] = i;
        return i;
    }

    /** @return the index of node {@code id} */
    static int index(String id) {
        return Integer.parseInt(id, 1, id.length(), 10);
    }

    /** Takes node {@code i} out of the placement pool (it failed or was disqualified). */
    void retire(int i) {
        int at = poolPos[i];
        if (at < 0) {
            return;
        }
        int last = pool[--poolSize];
        pool[at] = last;
        poolPos[last] = at;
        poolPos[i] = -1;
    }

    /** @return nodes placements may choose from */
    int poolSize() {
        return poolSize;
    }

    /** @return the {@code j}-th node of the placement pool */
    int poolNode(int j) {
        return pool[j];
    }

    void addShard(int i, int key) {
        if (shardCount[i] == shards[i].length) {
            shards[i] = Arrays.copyOf(shards[i], shards[i].length * 2);
        }
        shards[i][shardCount[i]++] = key;
    }

    void removeShard(int i, int key) {
        int[] list = shards[i];
        for (int j = 0; j < shardCount[i]; j++) {
            if (list[j] == key) {
                list[j] = list[--shardCount[i]];
                return;
            }
        }
        throw new IllegalStateException("node " + i + " does not hold shard " + key);
    }

    /** @return how many shards node {@code i} holds */
    int shardCount(int i) {
        return shardCount[i];
    }

    /** @return a copy of the shard keys node {@code i} holds */
    int[] shards(int i) {
        return Arrays.copyOf(shards[i], shardCount[i]);
    }

    /** @return the {@code j}-th shard key of node {@code i} */
    int shard(int i, int j) {
        return shards[i][j];
    }

    private void grow(int size) {
        alive = Arrays.copyOf(alive, size);
        online = Arrays.copyOf(online, size);
        unhealthy = Arrays.copyOf(unhealthy, size);
        disqualified = Arrays.copyOf(disqualified, size);
        dropping = Arrays.copyOf(dropping, size);
        dropAt = Arrays.copyOf(dropAt, size);
        offlineSince = Arrays.copyOf(offlineSince, size);
        used = Arrays.copyOf(used, size);
        busyUntil = Arrays.copyOf(busyUntil, size);
        epoch = Arrays.copyOf(epoch, size);
        lifeStreams = Arrays.copyOf(lifeStreams, size);
        churnStreams = Arrays.copyOf(churnStreams, size);
        auditStreams = Arrays.copyOf(auditStreams, size);
        ids = Arrays.copyOf(ids, size);
        shards = Arrays.copyOf(shards, size);
        shardCount = Arrays.copyOf(shardCount, size);
        pool = Arrays.copyOf(pool, size);
        poolPos = Arrays.copyOf(poolPos, size);
    }
}
