package org.peerlab.storage.sim.internal;

/**
 * The bytes of one synthetic shard, computed on demand instead of stored: the 8-byte word at
 * word index w is {@code SplitMix.mix(seed + w * golden)}, little-endian. Random access costs
 * one mix per 8 bytes, so a node can answer an audit (or a verifier stream a whole shard into a
 * record) without the simulation holding any shard in memory. Immutable.
 *
 * @param seed   the shard's content seed
 * @param length the shard's length in bytes
 */
record SyntheticContent(long seed, long length) {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Writes bytes {@code [offset, offset + count)} of the content into {@code into} at {@code at}. */
    void fill(long offset, byte[] into, int at, int count) {
        fill(seed, offset, into, at, count);
    }

    /** The same generator for any seed: also what a damaged node fabricates for blocks it lost. */
    static void fill(long seed, long offset, byte[] into, int at, int count) {
        long p = offset;
        int i = at;
        int end = at + count;
        while (i < end) {
            long word = SplitMix.mix(seed + (p >>> 3) * GOLDEN);
            int shift = (int) (p & 7);
            int take = Math.min(8 - shift, end - i);
            for (int j = 0; j < take; j++) {
                into[i + j] = (byte) (word >>> ((shift + j) << 3));
            }
            i += take;
            p += take;
        }
    }
}
