package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.redundancy.api.Shard;

/** What every {@link RedundancyScheme} must do; each implementation's test extends this. */
public abstract class RedundancyContractTest {

    protected final Random random = new Random(20261121);

    protected abstract RedundancyScheme scheme();

    /** @return a codec with the scheme's default parameters */
    protected ErasureCodec codec() {
        return scheme().newCodec(scheme().descriptor().defaults());
    }

    protected byte[] data(int size) {
        byte[] d = new byte[size];
        random.nextBytes(d);
        return d;
    }

    @Test
    public void roundTripsSizesIncludingEmptyAndUneven() throws Exception {
        ErasureCodec c = codec();
        for (int size : new int[] { 0, 1, c.requiredShards() - 1, c.requiredShards() + 1, 1000, 65_537 }) {
            byte[] d = data(Math.max(0, size));
            List<Shard> shards = c.encode(d);
            assertEquals(c.totalShards(), shards.size());
            assertArrayEquals(d, c.decode(shards), "size " + size);
        }
        assertEquals(RedundancyScheme.FAMILY, scheme().descriptor().family());
    }

    @Test
    public void anyKShardsSufficeAndFewerDoNot() throws Exception {
        ErasureCodec c = codec();
        byte[] d = data(10_001);
        List<Shard> shards = new ArrayList<>(c.encode(d));
        java.util.Collections.shuffle(shards, random);
        assertArrayEquals(d, c.decode(shards.subList(0, c.requiredShards())));
        InsufficientShardsException e = assertThrows(InsufficientShardsException.class,
                () -> c.decode(shards.subList(0, c.requiredShards() - 1)));
        assertTrue(e.getMessage().contains(c.requiredShards() + " required"), e.getMessage());
    }

    @Test
    public void corruptedShardIsDetectedAndExcluded() throws Exception {
        ErasureCodec c = codec();
        byte[] d = data(5000);
        List<Shard> shards = c.encode(d);
        List<Shard> offered = new ArrayList<>(shards.subList(0, c.requiredShards()));
        Shard victim = offered.get(0);
        byte[] damaged = victim.data().clone();
        damaged[damaged.length - 1] ^= 0x55;
        offered.set(0, new Shard(victim.index(), damaged));
        InsufficientShardsException e = assertThrows(InsufficientShardsException.class, () -> c.decode(offered));
        assertTrue(e.getMessage().contains("shard " + victim.index() + ": checksum mismatch"), e.getMessage());
        if (c.totalShards() > c.requiredShards()) {
            offered.add(shards.get(c.requiredShards()));
            assertArrayEquals(d, c.decode(offered), "the damaged shard is left out and an intact one used");
        }
    }

    @Test
    public void duplicatesDoNotCountTwiceAndForeignShardsAreExcluded() {
        ErasureCodec c = codec();
        List<Shard> shards = c.encode(data(300));
        if (c.requiredShards() > 1) {
            List<Shard> dup = new ArrayList<>();
            for (int i = 0; i < c.requiredShards(); i++) {
                dup.add(shards.get(0));
            }
            assertThrows(InsufficientShardsException.class, () -> c.decode(dup));
        }
        assertThrows(InsufficientShardsException.class, () -> c.decode(List.of(new Shard(0, new byte[10]))));
        assertThrows(InsufficientShardsException.class, () -> c.decode(List.of(new Shard(1, shards.get(0).data()))), "filed under another index");
    }
}
