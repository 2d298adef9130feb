package org.peerlab.storage.api;

/**
 * Computes the verifier's record of one shard while the shard's bytes stream past, once, at
 * upload or repair time. Not thread-safe; use one per shard.
 */
public interface AuditRecordBuilder {

    /** Feeds the next {@code length} bytes of the shard. */
    void update(byte[] bytes, int offset, int length);

    /**
     * @return the record the verifier keeps (opaque bytes, a few KiB at most); the builder is
     *         spent afterwards
     */
    byte[] finish();
}
