package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;

/**
 * A {@code precomputed-hmac} challenge, 41 bytes: tag {@code 'h'}, round (int), block size (int),
 * block count n (int), blocks c (int), nonce (16 bytes), index seed (long). The node derives the
 * c indices in {@code [0, n)} from the seed ({@link PrecomputedChallenge#sortedIndices}).
 */
record HmacChallenge(int round, int blockSize, int blockCount, int blocks, PrecomputedChallenge keys) {

    static final byte TAG = 'h';
    static final int LENGTH = 1 + 4 * 4 + PrecomputedChallenge.NONCE_LENGTH + 8;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(TAG).putInt(round).putInt(blockSize).putInt(blockCount).putInt(blocks)
                .put(keys.nonce()).putLong(keys.seed()).array();
    }

    /** @throws MalformedMessageException if the length or tag is wrong or a count is not positive */
    static HmacChallenge decode(byte[] bytes) throws MalformedMessageException {
        MessageReader in = new MessageReader(bytes, TAG, "precomputed-hmac challenge");
        int round = in.readInt("round");
        int blockSize = in.readInt("block size");
        int blockCount = in.readInt("block count");
        int blocks = in.readInt("blocks");
        byte[] nonce = in.readBytes(PrecomputedChallenge.NONCE_LENGTH, "nonce");
        long seed = in.readLong("seed");
        in.end();
        if (round < 0 || blockCount < 1 || blocks < 1 || blocks > MerkleChallenge.MAX_BLOCKS) {
            throw new MalformedMessageException("precomputed-hmac challenge has round " + round + ", " + blockCount
                    + " blocks in the shard and " + blocks + " per challenge; they must be >= 0, >= 1 and 1.."
                    + MerkleChallenge.MAX_BLOCKS);
        }
        return new HmacChallenge(round, blockSize, blockCount, blocks, new PrecomputedChallenge(nonce, seed));
    }
}
