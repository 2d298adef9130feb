package org.peerlab.storage.wire;

import java.util.List;
import java.util.Objects;

/**
 * Everything the coordinator keeps about a stored file, as the client committed it. The
 * coordinator never learns the key: it holds the KDF's salt and parameters (password files) but
 * not the password, and nothing at all for random keys.
 *
 * <p>Layout of the data: the plaintext is cut into segments of {@code segmentSize} bytes; each
 * segment is sealed with the AEAD (nonce from the segment number, associated data binding file
 * id, segment number and size), then erasure-coded into n pieces; shard i is the concatenation of
 * piece i of every segment. {@code pieceHashes} holds SHA-256 of every piece, segment-major
 * ({@code (segment * n + index) * 32}), so that a reader spots a bad piece before decoding.
 *
 * @param shards one entry per shard index 0..n-1
 */
public record FileRecord(String fileId, String name, long size, int segmentSize, long createdMillis,
        String aead, String kdf, String kdfParameters, byte[] salt,
        String redundancy, String redundancyParameters, int k, int n, long shardLength,
        String audit, String auditParameters,
        List<ShardEntry> shards, byte[] pieceHashes) {

    /**
     * One shard.
     *
     * @param sha256      SHA-256 of the whole shard as stored
     * @param auditRecord the audit scheme's verifier record for it
     */
    public record ShardEntry(int index, String nodeId, byte[] sha256, byte[] auditRecord) {
    }

    public FileRecord {
        Objects.requireNonNull(fileId, "fileId");
        shards = List.copyOf(shards);
    }

    /** @return the number of segments the file was cut into (at least 1: an empty file has one empty segment) */
    public long segments() {
        return segmentCount(size, segmentSize);
    }

    /** @return segments for {@code size} bytes cut into {@code segmentSize} */
    public static long segmentCount(long size, int segmentSize) {
        return Math.max(1, (size + segmentSize - 1) / segmentSize);
    }

    /** @return this record with shard {@code entry.index()} replaced */
    public FileRecord withShard(ShardEntry entry) {
        List<ShardEntry> list = new java.util.ArrayList<>(shards);
        list.set(entry.index(), entry);
        return new FileRecord(fileId, name, size, segmentSize, createdMillis, aead, kdf, kdfParameters, salt, redundancy,
                redundancyParameters, k, n, shardLength, audit, auditParameters, list, pieceHashes);
    }
}
