package org.peerlab.storage.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.FileRecords;

/**
 * A {@link Ledger} in memory, for tests and simulation. It keeps everything in the binary forms
 * the durable ledger stores ({@link FileRecords}, {@link NodeRecord#toBytes()},
 * {@link ShardState#toBytes()}) and tells committed from uncommitted writes, so that
 * {@link #afterCrash()} shows exactly what a crash would have left. Not thread-safe.
 */
public final class MemoryLedger implements Ledger {

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, byte[]> nodes = new TreeMap<>();
    private final Map<String, byte[]> shards = new HashMap<>();
    private final Map<String, byte[]> committedFiles;
    private final Map<String, byte[]> committedNodes;
    private final Map<String, byte[]> committedShards;
    private final List<Runnable> uncommitted = new ArrayList<>();
    private long commits;

    /** An empty ledger. */
    public MemoryLedger() {
        this(new TreeMap<>(), new TreeMap<>(), new HashMap<>());
    }

    private MemoryLedger(Map<String, byte[]> f, Map<String, byte[]> n, Map<String, byte[]> s) {
        files.putAll(f);
        nodes.putAll(n);
        shards.putAll(s);
        committedFiles = new TreeMap<>(f);
        committedNodes = new TreeMap<>(n);
        committedShards = new HashMap<>(s);
    }

    @Override
    public Optional<FileRecord> file(String fileId) {
        byte[] b = files.get(fileId);
        if (b == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileRecords.fromBytes(b));
        } catch (ProtocolException e) {
            throw new LedgerException("stored record of file " + fileId + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void putFile(FileRecord record) {
        write(files, committedFiles, record.fileId(), FileRecords.toBytes(record));
    }

    @Override
    public List<String> fileIds() {
        return List.copyOf(files.keySet());
    }

    @Override
    public Optional<NodeRecord> node(String nodeId) {
        byte[] b = nodes.get(nodeId);
        return b == null ? Optional.empty() : Optional.of(NodeRecord.fromBytes(b));
    }

    @Override
    public void putNode(NodeRecord node) {
        write(nodes, committedNodes, node.id(), node.toBytes());
    }

    @Override
    public List<NodeRecord> nodes() {
        return nodes.values().stream().map(NodeRecord::fromBytes).toList();
    }

    @Override
    public ShardState shard(String shardName) {
        byte[] b = shards.get(shardName);
        return b == null ? ShardState.FRESH : ShardState.fromBytes(b);
    }

    @Override
    public void putShard(String shardName, ShardState state) {
        write(shards, committedShards, shardName, state.toBytes());
    }

    @Override
    public void commit() {
        uncommitted.forEach(Runnable::run);
        uncommitted.clear();
        commits++;
    }

    /** @return how many commits have happened */
    public long commits() {
        return commits;
    }

    /** @return a new ledger holding only what was committed here, as a crash followed by a restart would find it */
    public MemoryLedger afterCrash() {
        return new MemoryLedger(committedFiles, committedNodes, committedShards);
    }

    private void write(Map<String, byte[]> working, Map<String, byte[]> committed, String key, byte[] value) {
        working.put(key, value);
        uncommitted.add(() -> committed.put(key, value));
    }
}
