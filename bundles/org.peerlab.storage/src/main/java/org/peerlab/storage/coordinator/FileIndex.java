package org.peerlab.storage.coordinator;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;

/**
 * The coordinator's in-memory index of the ledger's files: each file's geometry and shard
 * holders, every node's shards, and which shards failed an audit. Derived from the ledger at
 * start-up and kept in step with every write, so that audits and the repair scan never decode
 * records they do not need. Not thread-safe.
 */
final class FileIndex {

    /** One file's geometry and where its shards are; {@code nodes[i]} holds shard i. */
    record Layout(String fileId, int k, int n, long shardLength, String[] nodes) {
    }

    private final Map<String, Layout> files = new TreeMap<>();
    private final Map<String, Set<String>> byNode = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    /** Loads every file of the ledger (one pass at start-up). */
    void load(Ledger ledger) {
        for (String id : ledger.fileIds()) {
            FileRecord r = ledger.file(id).orElseThrow();
            add(r);
            for (int i = 0; i < r.n(); i++) {
                String name = Order.shardName(id, i);
                if (ledger.shard(name).failed()) {
                    failed.add(name);
                }
            }
        }
    }

    /** Adds a newly committed file. */
    void add(FileRecord r) {
        String[] nodes = new String[r.n()];
        for (FileRecord.ShardEntry s : r.shards()) {
            nodes[s.index()] = s.nodeId();
            byNode.computeIfAbsent(s.nodeId(), x -> new TreeSet<>()).add(Order.shardName(r.fileId(), s.index()));
        }
        files.put(r.fileId(), new Layout(r.fileId(), r.k(), r.n(), r.shardLength(), nodes));
    }

    /** Moves shard {@code index} of a file to {@code node}, healthy again; returns the node that held it. */
    String move(String fileId, int index, String node) {
        Layout l = files.get(fileId);
        String name = Order.shardName(fileId, index);
        String old = l.nodes()[index];
        if (old != null) {
            Set<String> s = byNode.get(old);
            if (s != null) {
                s.remove(name);
            }
        }
        l.nodes()[index] = node;
        byNode.computeIfAbsent(node, x -> new TreeSet<>()).add(name);
        failed.remove(name);
        return old;
    }

    Layout layout(String fileId) {
        return files.get(fileId);
    }

    Collection<Layout> layouts() {
        return files.values();
    }

    /** @return the names of the shards {@code node} holds, sorted (live view; do not change) */
    Set<String> shardsOf(String node) {
        return byNode.getOrDefault(node, Set.of());
    }

    boolean failed(String shardName) {
        return failed.contains(shardName);
    }

    void markFailed(String shardName) {
        failed.add(shardName);
    }

    /** @return the file id of a shard name */
    static String fileOf(String shardName) {
        return shardName.substring(0, shardName.lastIndexOf('.'));
    }

    /** @return the index of a shard name */
    static int indexOf(String shardName) {
        return Integer.parseInt(shardName.substring(shardName.lastIndexOf('.') + 1));
    }
}
