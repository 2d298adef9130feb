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
     * @return n shards, indexed 0..n-1
     */
    List<Shard> encode(byte[] data);

    /**
     * Rebuilds the data from any sufficient subset of shards; duplicates are ignored.
     *
     * @throws InsufficientShardsException if fewer than k distinct valid shards are given
     * @throws CorruptShardException       if the shards given contradict each other
     */
    byte[] decode(Collection<Shard> shards) throws InsufficientShardsException, CorruptShardException;
}
