package org.peerlab.storage.sim.internal;

import java.io.IOException;
import java.util.Arrays;

import org.peerlab.storage.api.ShardAccess;

/**
 * What a storage node reads back when it answers an audit: the shard's synthetic content, with
 * the blocks it lost replaced. A node that <em>drops</em> blocks reads zeros there (the space
 * was freed); a node answering from <em>partial</em> data (it kept all but one run of
 * consecutive blocks) fabricates the missing blocks (pseudo-random bytes of its own), which is
 * no better. Lost blocks are a bit set over the
 * audit's blocks ({@code blockSize} bytes each). Immutable.
 */
final class NodeShard implements ShardAccess {

    private final SyntheticContent content;
    private final int blockSize;
    private final long[] lost;
    private final long fabricateSeed;
    private final boolean fabricate;

    /**
     * @param lost          bit i set when block i is lost, or {@code null} for an intact shard
     * @param fabricate     whether lost blocks read as fabricated bytes (else zeros)
     * @param fabricateSeed seed of the fabricated bytes
     */
    NodeShard(SyntheticContent content, int blockSize, long[] lost, boolean fabricate, long fabricateSeed) {
        this.content = content;
        this.blockSize = blockSize;
        this.lost = lost;
        this.fabricate = fabricate;
        this.fabricateSeed = fabricateSeed;
    }

    @Override
    public long length() {
        return content.length();
    }

    @Override
    public void read(long offset, byte[] into, int at, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > content.length()) {
            throw new IOException("read of " + length + " bytes at " + offset + " outside the shard's " + content.length());
        }
        content.fill(offset, into, at, length);
        if (lost == null || length == 0) {
            return;
        }
        int first = (int) (offset / blockSize);
        int last = (int) ((offset + length - 1) / blockSize);
        for (int b = first; b <= last; b++) {
            if ((lost[b >>> 6] & (1L << b)) == 0) {
                continue;
            }
            long from = Math.max(offset, (long) b * blockSize);
            long to = Math.min(offset + length, (long) (b + 1) * blockSize);
            int start = at + (int) (from - offset);
            int count = (int) (to - from);
            if (fabricate) {
                SyntheticContent.fill(fabricateSeed, from, into, start, count);
            } else {
                Arrays.fill(into, start, start + count, (byte) 0);
            }
        }
    }

    /**
     * Chooses exactly {@code count} of {@code blocks} blocks uniformly at random (Floyd's
     * algorithm), drawing from node stream {@code slot}.
     *
     * @return the bit set of the chosen blocks
     */
    static long[] scattered(int blocks, int count, long[] streams, int slot) {
        long[] set = new long[(blocks + 63) >>> 6];
        for (int j = blocks - count; j < blocks; j++) {
            int t = SplitMix.nextInt(streams, slot, j + 1);
            if ((set[t >>> 6] & (1L << t)) != 0) {
                t = j;
            }
            set[t >>> 6] |= 1L << t;
        }
        return set;
    }

    /**
     * Chooses {@code count} consecutive blocks (wrapping at the end) from a start drawn from node
     * stream {@code slot}: a node that kept only part of the shard, e.g. a truncated or partly
     * overwritten file.
     *
     * @return the bit set of the chosen blocks
     */
    static long[] run(int blocks, int count, long[] streams, int slot) {
        long[] set = new long[(blocks + 63) >>> 6];
        int start = SplitMix.nextInt(streams, slot, blocks);
        for (int j = 0; j < count; j++) {
            int b = (start + j) % blocks;
            set[b >>> 6] |= 1L << b;
        }
        return set;
    }
}
