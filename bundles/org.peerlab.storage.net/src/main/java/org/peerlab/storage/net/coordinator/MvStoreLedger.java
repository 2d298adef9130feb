package org.peerlab.storage.net.coordinator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.coordinator.Ledger;
import org.peerlab.storage.coordinator.LedgerException;
import org.peerlab.storage.coordinator.NodeRecord;
import org.peerlab.storage.coordinator.ShardState;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.FileRecords;

/**
 * The coordinator's {@link Ledger} in an H2 MVStore file ({@code <data>/coordinator.mv.db}): maps
 * {@code files} (file id to {@link FileRecords} bytes), {@code nodes} (node id to
 * {@link NodeRecord#toBytes()}) and {@code shards} (shard name to {@link ShardState#toBytes()}).
 * Auto-commit is off: writes reach the file only at {@link #commit()}, which writes a new
 * version ({@code store.commit()}) and forces it to the disk ({@code store.sync()}), so that a
 * commit survives kill -9 and a power cut alike; an interrupted commit leaves the previous
 * version, which MVStore reopens. Not thread-safe (the coordinator's lock serialises use).
 */
public final class MvStoreLedger implements Ledger, AutoCloseable {

    /** The store's file name in the data directory. */
    public static final String FILE = "coordinator.mv.db";

    private final MVStore store;
    private final MVMap<String, byte[]> files;
    private final MVMap<String, byte[]> nodes;
    private final MVMap<String, byte[]> shards;

    private MvStoreLedger(MVStore store) {
        this.store = store;
        this.files = store.openMap("files");
        this.nodes = store.openMap("nodes");
        this.shards = store.openMap("shards");
    }

    /**
     * Opens (or creates) the ledger in {@code dataDir}.
     *
     * @throws LedgerException if the file cannot be opened (for example another coordinator holds it)
     */
    public static MvStoreLedger open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            return new MvStoreLedger(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
        } catch (MVStoreException e) {
            throw new LedgerException("cannot open the coordinator's ledger " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<FileRecord> file(String fileId) {
        byte[] b = guard(() -> files.get(fileId));
        if (b == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileRecords.fromBytes(b));
        } catch (ProtocolException e) {
            throw new LedgerException("the stored record of file " + fileId + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void putFile(FileRecord record) {
        byte[] b = FileRecords.toBytes(record);
        guard(() -> files.put(record.fileId(), b));
    }

    @Override
    public List<String> fileIds() {
        return guard(() -> new ArrayList<>(files.keySet()));
    }

    @Override
    public Optional<NodeRecord> node(String nodeId) {
        byte[] b = guard(() -> nodes.get(nodeId));
        return b == null ? Optional.empty() : Optional.of(NodeRecord.fromBytes(b));
    }

    @Override
    public void putNode(NodeRecord node) {
        byte[] b = node.toBytes();
        guard(() -> nodes.put(node.id(), b));
    }

    @Override
    public List<NodeRecord> nodes() {
        return guard(() -> nodes.values().stream().map(NodeRecord::fromBytes).toList());
    }

    @Override
    public ShardState shard(String shardName) {
        byte[] b = guard(() -> shards.get(shardName));
        return b == null ? ShardState.FRESH : ShardState.fromBytes(b);
    }

    @Override
    public void putShard(String shardName, ShardState state) {
        byte[] b = state.toBytes();
        guard(() -> shards.put(shardName, b));
    }

    @Override
    public void commit() {
        guard(() -> {
            store.commit();
            store.sync();
            return null;
        });
    }

    /** Commits what is left and closes the file. */
    @Override
    public void close() {
        guard(() -> {
            store.close();
            return null;
        });
    }

    /** Closes the file without writing anything, as a crash would leave it (for tests). */
    void abandon() {
        store.closeImmediately();
    }

    private interface Action<T> {
        T run();
    }

    private static <T> T guard(Action<T> a) {
        try {
            return a.run();
        } catch (MVStoreException | IllegalStateException e) {
            throw new LedgerException("the coordinator's ledger failed: " + e.getMessage(), e);
        }
    }
}
