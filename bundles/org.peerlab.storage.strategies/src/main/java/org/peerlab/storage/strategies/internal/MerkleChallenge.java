package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;

/**
 * A {@code merkle-challenge} challenge: tag {@code 'C'}, block size (int), nonce (16 bytes),
 * count c (int), then c block indices (int each): {@code 25 + 4c} bytes, 1 865 at c = 460. The
 * indices are listed rather than derived from a seed so that both sides check them directly.
 *
 * @param blockSize the record's block size, which the node must use whatever its parameters say
 * @param nonce     fresh per challenge; the response echoes it
 * @param indices   the challenged blocks in challenge order, repetitions allowed
 */
record MerkleChallenge(int blockSize, byte[] nonce, int[] indices) {

    static final byte TAG = 'C';
    static final int NONCE_LENGTH = 16;
    static final int MAX_BLOCKS = 100_000;

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + NONCE_LENGTH + 4 + 4 * indices.length);
        out.put(TAG).putInt(blockSize).put(nonce).putInt(indices.length);
        for (int index : indices) {
            out.putInt(index);
        }
        return out.array();
    }

    /**
     * Checks the format only; the caller checks the indices against its shard.
     *
     * @throws MalformedMessageException if truncated, padded, or the count is outside 1..{@value #MAX_BLOCKS}
     */
    static MerkleChallenge decode(byte[] bytes) throws MalformedMessageException {
        MessageReader in = new MessageReader(bytes, TAG, "merkle-challenge challenge");
        int blockSize = in.readInt("block size");
        byte[] nonce = in.readBytes(NONCE_LENGTH, "nonce");
        int count = in.readInt("count");
        if (count < 1 || count > MAX_BLOCKS) {
            throw new MalformedMessageException("merkle-challenge challenge asks for " + count + " blocks, not 1.." + MAX_BLOCKS);
        }
        if (in.remaining() != 4 * count) {
            throw new MalformedMessageException("merkle-challenge challenge announces " + count + " indices but carries "
                    + in.remaining() + " bytes of them");
        }
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = in.readInt("index");
        }
        return new MerkleChallenge(blockSize, nonce, indices);
    }
}
