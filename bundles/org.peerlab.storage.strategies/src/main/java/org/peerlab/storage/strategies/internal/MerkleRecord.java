package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;

/**
 * The verifier's record of a {@code merkle-challenge} shard, {@value #LENGTH} bytes whatever the
 * shard's size: tag {@code 'M'}, block size (int), block count (int), shard length (long), root (32).
 */
record MerkleRecord(BlockLayout layout, byte[] root) {

    static final byte TAG = 'M';
    static final int LENGTH = 1 + 4 + 4 + 8 + MerkleTree.HASH_LENGTH;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(TAG).putInt(layout.blockSize()).putInt(layout.blockCount())
                .putLong(layout.shardLength()).put(root).array();
    }

    /** @throws MalformedMessageException if the bytes are not a consistent merkle-challenge record */
    static MerkleRecord decode(byte[] bytes) throws MalformedMessageException {
        MessageReader in = new MessageReader(bytes, TAG, "merkle-challenge record");
        int blockSize = in.readInt("block size");
        int blockCount = in.readInt("block count");
        long shardLength = in.readLong("shard length");
        byte[] root = in.readBytes(MerkleTree.HASH_LENGTH, "root");
        in.end();
        BlockLayout layout;
        try {
            layout = new BlockLayout(blockSize, shardLength);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("merkle-challenge record: " + e.getMessage());
        }
        if (layout.blockCount() != blockCount) {
            throw new MalformedMessageException("merkle-challenge record says " + blockCount + " blocks, but " + shardLength
                    + " bytes in blocks of " + blockSize + " make " + layout.blockCount());
        }
        return new MerkleRecord(layout, root);
    }
}
