package org.peerlab.storage.strategies.internal;

import java.util.Arrays;

import javax.crypto.Mac;

/**
 * Streams a shard into its {@link HmacRecord}, in one pass: every (block, challenge) selection is
 * sorted by block index up front, and as each block streams past it is fed to the MAC of every
 * challenge that selected it, as often as it was selected. Memory: one block buffer, one MAC per
 * challenge and 8 bytes per selection ({@code challenges * blocks}). Not thread-safe.
 */
final class HmacRecordBuilder extends BlockStream {

    /** Most selections ({@code challenges * blocks}) a record may have: 32 MiB of bookkeeping. */
    static final long MAX_SELECTIONS = 1L << 22;

    private final int blocksPerChallenge;
    private final PrecomputedChallenge[] challenges;
    private final Mac[] macs;
    private final long[] selections;
    private int cursor;

    /** @param secret 32 bytes */
    HmacRecordBuilder(BlockLayout layout, int blocksPerChallenge, int challengeCount, byte[] secret) {
        super(layout);
        this.blocksPerChallenge = blocksPerChallenge;
        this.challenges = new PrecomputedChallenge[challengeCount];
        this.macs = new Mac[challengeCount];
        this.selections = new long[challengeCount * blocksPerChallenge];
        Mac secretMac = PrecomputedChallenge.hmacSha256(secret);
        int at = 0;
        for (int i = 0; i < challengeCount; i++) {
            challenges[i] = PrecomputedChallenge.derive(secretMac, i);
            macs[i] = challenges[i].answerMac();
            for (int index : challenges[i].sortedIndices(blocksPerChallenge, layout.blockCount())) {
                selections[at++] = (long) index << 32 | i;
            }
        }
        Arrays.sort(selections);
    }

    @Override
    void block(int index, byte[] block, int length) {
        while (cursor < selections.length && (int) (selections[cursor] >>> 32) == index) {
            macs[(int) selections[cursor++]].update(block, 0, length);
        }
    }

    @Override
    byte[] record() {
        byte[][] tags = new byte[macs.length][];
        for (int i = 0; i < macs.length; i++) {
            tags[i] = macs[i].doFinal();
        }
        return new HmacRecord(layout, blocksPerChallenge, challenges, tags).encode();
    }
}
