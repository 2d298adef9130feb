package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;

/**
 * The verifier's record of a {@code precomputed-hmac} shard: tag {@code 'H'}, block size (int),
 * shard length (long), blocks per challenge c (int), challenge count t (int), then per challenge
 * its nonce (16 bytes), index seed (long) and expected MAC (32 bytes): {@code 21 + 56t} bytes,
 * 3 605 at t = 64, whatever the shard's size. The secret is not needed afterwards.
 *
 * @param challenges the precomputed challenges, in round order
 * @param tags       the expected MAC of each, same order
 */
record HmacRecord(BlockLayout layout, int blocksPerChallenge, PrecomputedChallenge[] challenges, byte[][] tags) {

    static final byte TAG = 'H';
    private static final int HEADER = 1 + 4 + 8 + 4 + 4;
    private static final int ENTRY = PrecomputedChallenge.NONCE_LENGTH + 8 + PrecomputedChallenge.MAC_LENGTH;

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + ENTRY * challenges.length);
        out.put(TAG).putInt(layout.blockSize()).putLong(layout.shardLength()).putInt(blocksPerChallenge).putInt(challenges.length);
        for (int i = 0; i < challenges.length; i++) {
            out.put(challenges[i].nonce()).putLong(challenges[i].seed()).put(tags[i]);
        }
        return out.array();
    }

    /** @throws MalformedMessageException if the bytes are not a consistent precomputed-hmac record */
    static HmacRecord decode(byte[] bytes) throws MalformedMessageException {
        MessageReader in = new MessageReader(bytes, TAG, "precomputed-hmac record");
        int blockSize = in.readInt("block size");
        long shardLength = in.readLong("shard length");
        int blocks = in.readInt("blocks per challenge");
        int count = in.readInt("challenge count");
        if (blocks < 1 || count < 1 || in.remaining() != (long) ENTRY * count) {
            throw new MalformedMessageException("precomputed-hmac record: " + blocks + " blocks per challenge and " + count
                    + " challenges do not fit its " + in.remaining() + " remaining bytes");
        }
        BlockLayout layout;
        try {
            layout = new BlockLayout(blockSize, shardLength);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("precomputed-hmac record: " + e.getMessage());
        }
        PrecomputedChallenge[] challenges = new PrecomputedChallenge[count];
        byte[][] tags = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] nonce = in.readBytes(PrecomputedChallenge.NONCE_LENGTH, "nonce");
            challenges[i] = new PrecomputedChallenge(nonce, in.readLong("seed"));
            tags[i] = in.readBytes(PrecomputedChallenge.MAC_LENGTH, "expected MAC");
        }
        in.end();
        return new HmacRecord(layout, blocks, challenges, tags);
    }
}
