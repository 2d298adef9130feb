package org.peerlab.storage.node;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.peerlab.storage.api.ShardAccess;

/**
 * Where a storage node keeps its shards. A shard becomes visible only when its writer commits,
 * whole and checked; until then (and after an abort) nothing of it is present. The quota counts
 * committed shards and the full announced length of every write in progress, so that accepted
 * uploads can always finish. Shard names are checked with {@link ShardNames#check}.
 * Implementations are thread-safe.
 */
public interface ShardStore {

    /**
     * Starts writing a shard of exactly {@code length} bytes and reserves that much quota. An
     * existing shard of that name stays readable until the new one commits, then is replaced.
     *
     * @throws QuotaExceededException if the shard does not fit (the message says how much is free)
     * @throws IllegalArgumentException if the name is not a shard name
     * @throws IOException if the store cannot start the write
     */
    Writer begin(String shard, long length) throws IOException;

    /** @return the committed shard, or empty when this store does not hold it */
    Optional<Reader> open(String shard) throws IOException;

    /** @return whether the shard existed (it is gone now) */
    boolean delete(String shard) throws IOException;

    /** @return the most bytes this store holds */
    long quota();

    /** @return bytes of committed shards */
    long used();

    /** @return quota left for new writes: quota minus committed bytes minus writes in progress, never negative */
    long free();

    /** @return how many shards are committed */
    long count();

    /** @return the names of the committed shards, sorted */
    List<String> list() throws IOException;

    /**
     * One shard being written. Used by one thread at a time; after {@link #commit} or
     * {@link #abort} it is spent.
     */
    interface Writer {

        /** @return the bytes written so far */
        long written();

        /**
         * Appends bytes.
         *
         * @throws IOException if they cannot be written, or would pass the announced length
         *                     (the write is then aborted)
         */
        void write(byte[] bytes, int offset, int length) throws IOException;

        /**
         * Checks that exactly the announced length was written and that its SHA-256 is
         * {@code expectedSha256}, makes the shard durable and visible atomically, and records the
         * checksum beside it.
         *
         * @throws CorruptShardException if the length or the checksum is wrong (nothing is stored)
         * @throws IOException if the shard cannot be made durable (nothing is stored)
         */
        void commit(byte[] expectedSha256) throws IOException;

        /** Drops everything written and releases the reservation. Idempotent; never throws. */
        void abort();
    }

    /** Random reads of one committed shard; close it when done. */
    interface Reader extends ShardAccess, Closeable {
    }
}
