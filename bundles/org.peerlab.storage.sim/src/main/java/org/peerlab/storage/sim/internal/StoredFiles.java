package org.peerlab.storage.sim.internal;

import java.util.Arrays;

/**
 * Where every shard of every file is, in primitive arrays indexed by shard key
 * {@code file * n + index}: the holding node (-1: none), whether the shard was silently dropped
 * (the truth) and whether the coordinator knows it is bad (it failed an audit or a repair read),
 * and per file two counts kept up to date incrementally: shards the coordinator counts as
 * healthy (which decides when to repair) and shards that still physically exist intact (which
 * decides whether the file is lost). Not thread-safe.
 */
final class StoredFiles {

    static final byte DROPPED = 1;
    static final byte KNOWN_BAD = 2;

    final int files;
    final int k;
    final int n;
    final int[] holder;
    final byte[] flags;
    final int[] healthy;
    final int[] intact;
    final boolean[] lost;
    final boolean[] repairing;
    final boolean[] retrying;
    /** A node holding one of the file's shards was disqualified: repair whatever the threshold. */
    final boolean[] urgent;

    StoredFiles(int files, int k, int n) {
        if ((long) files * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(files + " files of " + n + " shards are more shards than the simulation indexes");
        }
        this.files = files;
        this.k = k;
        this.n = n;
        this.holder = new int[files * n];
        Arrays.fill(holder, -1);
        this.flags = new byte[files * n];
        this.healthy = new int[files];
        this.intact = new int[files];
        this.lost = new boolean[files];
        this.repairing = new boolean[files];
        this.retrying = new boolean[files];
        this.urgent = new boolean[files];
    }

    static int file(int key, int n) {
        return key / n;
    }

    boolean dropped(int key) {
        return (flags[key] & DROPPED) != 0;
    }

    boolean knownBad(int key) {
        return (flags[key] & KNOWN_BAD) != 0;
    }
}
