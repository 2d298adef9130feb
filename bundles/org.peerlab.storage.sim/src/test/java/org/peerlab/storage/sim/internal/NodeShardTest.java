package org.peerlab.storage.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NodeShardTest {

    private static int bits(long[] set) {
        return Arrays.stream(set).mapToInt(Long::bitCount).sum();
    }

    @Test
    void syntheticContentIsTheSameWhateverTheSlices() {
        SyntheticContent c = new SyntheticContent(42, 1000);
        byte[] whole = new byte[1000];
        c.fill(0, whole, 0, 1000);
        byte[] pieces = new byte[1000];
        for (int at = 0; at < 1000; at += 37) {
            c.fill(at, pieces, at, Math.min(37, 1000 - at));
        }
        assertArrayEquals(whole, pieces);
        byte[] other = new byte[1000];
        new SyntheticContent(43, 1000).fill(0, other, 0, 1000);
        assertFalse(Arrays.equals(whole, other), "another seed gives other bytes");
    }

    @Test
    void scatteredLossChoosesExactlyTheRequestedBlocks() {
        long[] streams = { 7, 8 };
        for (int count : new int[] { 0, 1, 41, 2048, 4096 }) {
            assertEquals(count, bits(NodeShard.scattered(4096, count, streams, 0)), "count " + count);
        }
        assertArrayEquals(NodeShard.scattered(4096, 41, new long[] { 9 }, 0), NodeShard.scattered(4096, 41, new long[] { 9 }, 0));
        for (int slot = 0; slot < 2; slot++) {
            long[] run = NodeShard.run(100, 30, streams, slot);
            assertEquals(30, bits(run));
            int starts = 0; // one run, maybe wrapping: exactly one lost block follows a kept one
            for (int b = 0; b < 100; b++) {
                boolean lost = (run[b >>> 6] & (1L << b)) != 0;
                boolean before = (run[((b + 99) % 100) >>> 6] & (1L << ((b + 99) % 100))) != 0;
                starts += lost && !before ? 1 : 0;
            }
            assertEquals(1, starts, "one run of consecutive blocks");
        }
    }

    @Test
    void lostBlocksReadAsZerosOrFabricatedBytesAndTheRestIsIntact() throws IOException {
        SyntheticContent c = new SyntheticContent(1, 64 * 8);
        long[] lost = new long[] { 0b100100L }; // blocks 2 and 5
        byte[] truth = new byte[512];
        c.fill(0, truth, 0, 512);
        byte[] zeros = new byte[512];
        new NodeShard(c, 64, lost, false, 0).read(0, zeros, 0, 512);
        byte[] made = new byte[512];
        new NodeShard(c, 64, lost, true, 99).read(0, made, 0, 512);
        for (int b = 0; b < 8; b++) {
            byte[] t = Arrays.copyOfRange(truth, b * 64, b * 64 + 64);
            boolean isLost = b == 2 || b == 5;
            assertEquals(!isLost, Arrays.equals(t, Arrays.copyOfRange(zeros, b * 64, b * 64 + 64)), "zeros, block " + b);
            assertEquals(!isLost, Arrays.equals(t, Arrays.copyOfRange(made, b * 64, b * 64 + 64)), "made up, block " + b);
        }
        assertArrayEquals(new byte[64], Arrays.copyOfRange(zeros, 128, 192));
        byte[] part = new byte[100];
        new NodeShard(c, 64, lost, false, 0).read(150, part, 0, 100); // spans blocks 2 and 3
        assertArrayEquals(new byte[42], Arrays.copyOfRange(part, 0, 42));
        assertArrayEquals(Arrays.copyOfRange(truth, 192, 250), Arrays.copyOfRange(part, 42, 100));
        assertThrows(IOException.class, () -> new NodeShard(c, 64, null, false, 0).read(500, new byte[20], 0, 20));
    }
}
