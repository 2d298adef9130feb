package org.peerlab.storage.strategies.internal;

import java.security.MessageDigest;

/**
 * Streams a shard into its {@link MerkleRecord}. Keeps one block buffer and a stack of the roots
 * of perfect subtrees (at most 32 hashes): a new leaf merges with the top while their heights
 * match, and {@link #finish()} folds the stack from the right, which yields the root of the
 * {@link MerkleTree} shape. Not thread-safe.
 */
final class MerkleRecordBuilder extends BlockStream {

    private final MessageDigest sha256 = MerkleTree.sha256();
    private final byte[][] stack = new byte[33][];
    private final int[] heights = new int[33];
    private int size;

    MerkleRecordBuilder(BlockLayout layout) {
        super(layout);
    }

    @Override
    void block(int index, byte[] block, int length) {
        byte[] node = MerkleTree.leafHash(sha256, block, 0, length);
        int height = 0;
        while (size > 0 && heights[size - 1] == height) {
            MerkleTree.nodeHash(sha256, stack[--size], 0, node, 0, node, 0);
            height++;
        }
        stack[size] = node;
        heights[size++] = height;
    }

    @Override
    byte[] record() {
        byte[] root = stack[--size];
        while (size > 0) {
            MerkleTree.nodeHash(sha256, stack[--size], 0, root, 0, root, 0);
        }
        return new MerkleRecord(layout, root).encode();
    }
}
