package org.peerlab.storage.sim.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import org.peerlab.storage.api.ShardAccess;
import org.peerlab.storage.node.CorruptShardException;
import org.peerlab.storage.node.QuotaExceededException;
import org.peerlab.storage.node.ShardNames;
import org.peerlab.storage.node.ShardStore;

/**
 * A simulated node's disk: shards in memory, with the commit rules of the real disk store (whole
 * shard, exact length and SHA-256 checked before it becomes visible, quota counting writes in
 * progress). Misbehaviour is applied to it from outside: {@link #drop} deletes shards silently
 * and {@link #damage} overwrites blocks, after which the node answers from what it holds, as a
 * node that does not check its own data would. It remembers which shards it damaged or dropped,
 * so the study can tell audits of intact and damaged shards apart. Simulation thread only.
 */
final class SimShardStore implements ShardStore {

    private final long quota;
    private final TreeMap<String, byte[]> shards = new TreeMap<>();
    private final Set<String> damaged = new HashSet<>();
    private final Set<String> dropped = new HashSet<>();
    private long used;
    private long reserved;

    SimShardStore(long quota) {
        this.quota = quota;
    }

    /** Deletes each held shard with probability {@code share}; the node does not notice. @return shards dropped */
    int drop(double share, RandomGenerator random) {
        int n = 0;
        for (String s : new ArrayList<>(shards.keySet())) {
            if (random.nextDouble() < share) {
                used -= shards.remove(s).length;
                dropped.add(s);
                n++;
            }
        }
        return n;
    }

    /**
     * Overwrites {@code fraction} of the blocks of every held shard (rounded to whole blocks, at
     * least one) with random bytes; the checksum is not updated. @return shards damaged
     */
    int damage(double fraction, int blockSize, RandomGenerator random) {
        for (var e : shards.entrySet()) {
            byte[] b = e.getValue();
            int blocks = (b.length + blockSize - 1) / blockSize;
            int lose = Math.max(1, (int) Math.round(fraction * blocks));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < blocks; i++) {
                order.add(i);
            }
            for (int j = 0; j < lose; j++) {
                int pick = j + random.nextInt(blocks - j);
                int block = order.get(pick);
                order.set(pick, order.get(j));
                int from = block * blockSize;
                byte[] noise = new byte[Math.min(blockSize, b.length - from)];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, b, from, noise.length);
            }
            damaged.add(e.getKey());
        }
        return shards.size();
    }

    /** Loses everything (the disk died). */
    void wipe() {
        dropped.addAll(shards.keySet());
        shards.clear();
        used = 0;
    }

    /** @return whether this store damaged or dropped the shard (so that a correct audit must fail) */
    boolean spoiled(String shard) {
        return damaged.contains(shard) || dropped.contains(shard) && !shards.containsKey(shard);
    }

    @Override
    public Writer begin(String shard, long length) throws IOException {
        ShardNames.check(shard);
        if (length > free()) {
            throw new QuotaExceededException("shard " + shard + " needs " + length + " bytes, " + free() + " of " + quota + " are free");
        }
        reserved += length;
        return new Writer() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();
            private boolean done;

            @Override
            public long written() {
                return out.size();
            }

            @Override
            public void write(byte[] bytes, int offset, int n) throws IOException {
                if (out.size() + (long) n > length) {
                    abort();
                    throw new IOException("shard " + shard + " would pass its announced " + length + " bytes");
                }
                out.write(bytes, offset, n);
            }

            @Override
            public void commit(byte[] expectedSha256) throws IOException {
                byte[] data = out.toByteArray();
                abort();
                if (data.length != length) {
                    throw new CorruptShardException("shard " + shard + " has " + data.length + " of its " + length + " bytes");
                }
                if (!MessageDigest.isEqual(sha256(data), expectedSha256)) {
                    throw new CorruptShardException("shard " + shard + " does not match its SHA-256");
                }
                byte[] old = shards.put(shard, data);
                used += data.length - (old == null ? 0 : old.length);
                damaged.remove(shard);
                dropped.remove(shard);
            }

            @Override
            public void abort() {
                if (!done) {
                    done = true;
                    reserved -= length;
                }
            }
        };
    }

    @Override
    public Optional<Reader> open(String shard) {
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
    public boolean delete(String shard) {
        byte[] b = shards.remove(shard);
        if (b != null) {
            used -= b.length;
        }
        damaged.remove(shard);
        dropped.remove(shard);
        return b != null;
    }

    @Override
    public long quota() {
        return quota;
    }

    @Override
    public long used() {
        return used;
    }

    @Override
    public long free() {
        return Math.max(0, quota - used - reserved);
    }

    @Override
    public long count() {
        return shards.size();
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(shards.keySet());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
