package org.peerlab.storage.strategies.internal;

import java.util.Objects;

import org.peerlab.storage.api.AuditRecordBuilder;

/**
 * Cuts the bytes fed to a record builder into the blocks of a {@link BlockLayout}, whatever
 * slices they arrive in, and hands each block over once, in order. Holds one block buffer.
 * Not thread-safe.
 */
abstract class BlockStream implements AuditRecordBuilder {

    final BlockLayout layout;
    private final byte[] buffer;
    private int filled;
    private int nextBlock;
    private long fed;
    private boolean finished;

    BlockStream(BlockLayout layout) {
        this.layout = layout;
        this.buffer = new byte[layout.blockSize()];
    }

    /** Receives block {@code index}: {@code length} bytes at the start of {@code block}, valid only during the call. */
    abstract void block(int index, byte[] block, int length);

    /** @return the record, called once after the last block */
    abstract byte[] record();

    /**
     * @throws IllegalArgumentException if the slice lies outside {@code bytes} or would take the
     *         shard past its declared length
     * @throws IllegalStateException after {@link #finish()}
     */
    @Override
    public final void update(byte[] bytes, int offset, int length) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (finished) {
            throw new IllegalStateException("record builder already finished");
        }
        if (length > layout.shardLength() - fed) {
            throw new IllegalArgumentException("fed " + (fed + length) + " bytes to the record builder of a "
                    + layout.shardLength() + "-byte shard");
        }
        fed += length;
        int at = offset;
        int left = length;
        while (left > 0) {
            int take = Math.min(left, buffer.length - filled);
            System.arraycopy(bytes, at, buffer, filled, take);
            filled += take;
            at += take;
            left -= take;
            if (filled == buffer.length) {
                block(nextBlock++, buffer, filled);
                filled = 0;
            }
        }
    }

    /**
     * @throws IllegalStateException if fewer bytes than the shard's length were fed, or if
     *         called twice
     */
    @Override
    public final byte[] finish() {
        if (finished) {
            throw new IllegalStateException("record builder already finished");
        }
        if (fed != layout.shardLength()) {
            throw new IllegalStateException("record builder got " + fed + " of the shard's " + layout.shardLength() + " bytes");
        }
        finished = true;
        if (filled > 0) {
            block(nextBlock++, buffer, filled);
        }
        return record();
    }
}
