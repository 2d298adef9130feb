package org.peerlab.storage.net.client;

import org.peerlab.storage.net.config.StorageConfig;

/**
 * What a client takes from the storage configuration.
 *
 * @param coordinator host:port of the coordinator
 * @param k           shards needed to read a file
 * @param n           shards per file
 * @param segmentSize plaintext bytes per segment
 * @param aead        AEAD strategy for new files
 * @param kdf         KDF strategy for password-protected new files
 * @param redundancy  redundancy strategy for new files
 */
public record ClientSettings(String coordinator, int k, int n, int segmentSize, String aead, String kdf, String redundancy) {

    /** Seconds to wait for a connection, or for a coordinator's answer to a short request. */
    static final long CONNECT_MILLIS = 10_000;
    static final long ANSWER_MILLIS = 30_000;
    /**
     * Bytes per STORE_DATA and per READ (the protocol allows up to 1 MiB). A quarter of that keeps
     * every frame below half a G1 region of a small heap (1 MiB regions up to 2 GiB of heap), so
     * frames are ordinary young objects instead of humongous ones: measured, 1 MiB frames made a
     * 1 GiB put run out of a 256 MiB heap.
     */
    static final int CHUNK_BYTES = 256 << 10;
    /** Seconds to wait for every node to confirm (each fsyncs its whole shard) and for the commit. */
    static final long STORED_MILLIS = 180_000;

    /** @return the client's settings from a configuration */
    public static ClientSettings from(StorageConfig c) {
        return new ClientSettings(c.text("coordinator"), c.integer("shards-required"), c.integer("shards-total"),
                Math.toIntExact(c.size("segment-size")), c.text("aead"), c.text("kdf"), c.text("redundancy"));
    }
}
