package org.peerlab.storage.sim.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;
import org.peerlab.storage.audit.AuditTracker;

/**
 * How the coordinator of {@code durability} finds nodes for new shards: it offers the placement
 * strategy a uniform random sample of {@code candidates} nodes from the pool (alive, not
 * disqualified) that are online, have room for a shard and hold no shard of the file yet, each
 * with its reputation score and free space, as a real coordinator queries a sample of its node
 * table rather than all of it. Not thread-safe.
 */
final class NodeChooser {

    private final StorageNodes nodes;
    private final StoredFiles files;
    private final PlacementStrategy placement;
    private final Parameters placementParameters;
    private final RandomGenerator placementRandom;
    private final long[] sampleStream;
    private final AuditTracker tracker;
    private final long capacity;
    private final long shardBytes;
    private final int candidates;
    private int[] seen = new int[0];
    private int stamp;

    NodeChooser(StorageNodes nodes, StoredFiles files, PlacementStrategy placement, Parameters placementParameters, RandomGenerator placementRandom,
            long sampleSeed, AuditTracker tracker, long capacity, long shardBytes, int candidates) {
        this.nodes = nodes;
        this.files = files;
        this.placement = placement;
        this.placementParameters = placementParameters;
        this.placementRandom = placementRandom;
        this.sampleStream = new long[] { sampleSeed };
        this.tracker = tracker;
        this.capacity = capacity;
        this.shardBytes = shardBytes;
        this.candidates = candidates;
    }

    /**
     * Asks the placement strategy for {@code count} nodes for file {@code f}, among a random
     * sample of online pool nodes with room that hold no shard of the file yet.
     */
    int[] choose(int f, int count) throws PlacementException {
        if (seen.length < nodes.count) {
            seen = Arrays.copyOf(seen, Math.max(nodes.count * 2, 16));
        }
        stamp++;
        for (int idx = 0; idx < files.n; idx++) {
            int h = files.holder[f * files.n + idx];
            if (h >= 0) {
                seen[h] = stamp;
            }
        }
        List<NodeCandidate> offered = new ArrayList<>(candidates);
        int want = Math.max(candidates, count);
        for (int tries = 0; offered.size() < want && tries < 4 * want + 64 && nodes.poolSize() > 0; tries++) {
            int i = nodes.poolNode(SplitMix.nextInt(sampleStream, 0, nodes.poolSize()));
            if (seen[i] == stamp || !nodes.online[i] || capacity - nodes.used[i] < shardBytes) {
                continue;
            }
            seen[i] = stamp;
            offered.add(new NodeCandidate(nodes.ids[i], tracker.score(nodes.ids[i]), capacity - nodes.used[i]));
        }
        List<String> picked = placement.place(placementParameters, offered, count, shardBytes, placementRandom);
        int[] out = new int[count];
        for (int j = 0; j < count; j++) {
            out[j] = StorageNodes.index(picked.get(j));
        }
        return out;
    }
}
