package org.peerlab.storage.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.peerlab.storage.api.ShardAccess;

/** A {@link ShardStore} in memory for the node's unit tests, with the same quota and commit rules as the disk store. */
final class MemoryShardStore implements ShardStore {

    private final long quota;
    private final TreeMap<String, byte[]> shards = new TreeMap<>();
    private long reserved;

    MemoryShardStore(long quota) {
        this.quota = quota;
    }

    /** Replaces a committed shard's bytes, as damage on disk would. */
    synchronized void damage(String shard, byte[] bytes) {
        shards.put(shard, bytes);
    }

    synchronized byte[] bytes(String shard) {
        return shards.get(shard);
    }

    synchronized long reserved() {
        return reserved;
    }

    @Override
    public synchronized Writer begin(String shard, long length) throws IOException {
        ShardNames.check(shard);
        if (length > free()) {
            throw new QuotaExceededException(free() + " of " + quota + " bytes free, " + length + " needed");
        }
        reserved += length;
        return new Writer() {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean done;

            @Override
            public long written() {
                return out.size();
            }

            @Override
            public void write(byte[] bytes, int offset, int n) throws IOException {
                if (out.size() + (long) n > length) {
                    abort();
                    throw new IOException("more than " + length + " bytes");
                }
                out.write(bytes, offset, n);
            }

            @Override
            public void commit(byte[] expectedSha256) throws IOException {
                byte[] data = out.toByteArray();
                try {
                    if (data.length != length) {
                        throw new CorruptShardException(data.length + " of " + length + " bytes");
                    }
                    if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(data), expectedSha256)) {
                        throw new CorruptShardException("SHA-256 mismatch");
                    }
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                } finally {
                    if (!done) {
                        abort();
                    }
                }
                synchronized (MemoryShardStore.this) {
                    shards.put(shard, data);
                }
            }

            @Override
            public void abort() {
                synchronized (MemoryShardStore.this) {
                    if (!done) {
                        done = true;
                        reserved -= length;
                    }
                }
            }
        };
    }

    @Override
    public synchronized Optional<Reader> open(String shard) {
        byte[] b = shards.get(shard);
        if (b == null) {
            return Optional.empty();
        }
        ShardAccess a = ShardAccess.of(b);
        return Optional.of(new Reader() {
            @Override
            public long length() {
                return a.length();
            }

            @Override
            public void read(long offset, byte[] into, int at, int length) throws IOException {
                a.read(offset, into, at, length);
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public synchronized boolean delete(String shard) {
        return shards.remove(shard) != null;
    }

    @Override
    public long quota() {
        return quota;
    }

    @Override
    public synchronized long used() {
        return shards.values().stream().mapToLong(b -> b.length).sum();
    }

    @Override
    public synchronized long free() {
        return Math.max(0, quota - used() - reserved);
    }

    @Override
    public synchronized long count() {
        return shards.size();
    }

    @Override
    public synchronized List<String> list() {
        return new ArrayList<>(shards.keySet());
    }
}
