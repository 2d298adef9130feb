package org.peerlab.storage.strategies.internal;

/**
 * How a shard splits into audited blocks: blocks of {@code blockSize} bytes, the last one
 * possibly short. Immutable.
 *
 * @param blockSize   bytes per block, {@value #MIN_BLOCK_SIZE}..{@value #MAX_BLOCK_SIZE}
 * @param shardLength bytes in the shard, at least 1, at most {@link Integer#MAX_VALUE} blocks
 */
record BlockLayout(int blockSize, long shardLength) {

    static final int MIN_BLOCK_SIZE = 64;
    static final int MAX_BLOCK_SIZE = 1 << 20;

    /** @throws IllegalArgumentException if the block size or shard length is out of range */
    BlockLayout {
        if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("block size " + blockSize + " is outside " + MIN_BLOCK_SIZE + ".." + MAX_BLOCK_SIZE);
        }
        if (shardLength < 1) {
            throw new IllegalArgumentException("a shard of " + shardLength + " bytes cannot be audited (at least 1 byte)");
        }
        if ((shardLength - 1) / blockSize + 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a shard of " + shardLength + " bytes has more than " + Integer.MAX_VALUE
                    + " blocks of " + blockSize + " bytes; use larger blocks");
        }
    }

    /** @return the number of blocks, at least 1 */
    int blockCount() {
        return (int) ((shardLength - 1) / blockSize + 1);
    }

    /** @return the offset of block {@code index} in the shard */
    long offset(int index) {
        return (long) index * blockSize;
    }

    /** @return the length of block {@code index}: {@code blockSize}, or less for the last block */
    int length(int index) {
        return (int) Math.min(blockSize, shardLength - offset(index));
    }

    /** @throws IllegalArgumentException naming the index if it is not a block of this shard */
    void checkIndex(int index) {
        if (index < 0 || index >= blockCount()) {
            throw new IllegalArgumentException("block index " + index + " is outside the shard's " + blockCount() + " blocks");
        }
    }
}
