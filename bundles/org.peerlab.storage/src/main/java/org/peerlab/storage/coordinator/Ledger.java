package org.peerlab.storage.coordinator;

import java.util.List;
import java.util.Optional;

import org.peerlab.storage.wire.FileRecord;

/**
 * The coordinator's durable metadata: every committed file's record, every node that ever
 * registered, and the audit state of every shard. Writes become durable at {@link #commit()}:
 * everything written before a commit that returned survives a crash of the process (kill -9);
 * writes after the last commit may or may not. The coordinator acknowledges nothing (PUT_ACK,
 * REGISTERED, a repaired shard) before the commit that holds it has returned.
 *
 * <p>Not thread-safe: the coordinator core is its only user. Failures of the underlying store
 * surface as {@link LedgerException}.
 */
public interface Ledger {

    /** @return the committed or written record of {@code fileId}, if any */
    Optional<FileRecord> file(String fileId);

    /** Writes (adds or replaces) a file's record. */
    void putFile(FileRecord record);

    /** @return the ids of every file, sorted */
    List<String> fileIds();

    /** @return the node with that id, if it ever registered */
    Optional<NodeRecord> node(String nodeId);

    /** Writes (adds or replaces) a node. */
    void putNode(NodeRecord node);

    /** @return every node, sorted by id */
    List<NodeRecord> nodes();

    /** @return the audit state of shard {@code shardName} ({@code <file id>.<index>}); {@link ShardState#FRESH} if none was written */
    ShardState shard(String shardName);

    /** Writes a shard's audit state. */
    void putShard(String shardName, ShardState state);

    /** Makes every write so far durable; returns only once it is. */
    void commit();
}
