package org.peerlab.redundancy.api;

import java.util.Collection;
import java.util.List;

/** A configured k-of-n codec. Immutable and thread-safe. */
public interface ErasureCodec {

    /** @return k, the number of distinct shards that always suffice to decode */
    int requiredShards();

    /** @return n, the number of shards {@link #encode} produces */
    int totalShards();

    /**
     * @param data any length, including zero
     * @return n shards, indexed 0..n-1, each starting with a {@link ShardHeader}
     */
    List<Shard> encode(byte[] data);

    /**
     * Rebuilds the data from any k intact shards. Damaged shards and shards of another encoding
     * are left out; duplicates are ignored.
     *
     * @throws InsufficientShardsException if fewer than k intact shards are given (the message names those left out)
     */
    byte[] decode(Collection<Shard> shards) throws InsufficientShardsException;
}
