package org.peerlab.storage.strategies.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A binary Merkle tree over SHA-256 with domain separation: a leaf is
 * {@code SHA-256(0x00 || block)}, an inner node {@code SHA-256(0x01 || left || right)}. A level
 * of odd size promotes its last node unchanged to the next level, which gives the tree the same
 * shape as RFC 6962's (the left subtree holds the largest power of two of leaves smaller than
 * the count), so a stack of perfect subtrees ({@link MerkleRecordBuilder}) computes the same root.
 *
 * <p>An instance holds every level: about 64 bytes per leaf. Immutable after construction.
 */
final class MerkleTree {

    static final int HASH_LENGTH = 32;
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private final byte[][] levels;

    /**
     * @param leafHashes {@code leafCount} leaf hashes, concatenated
     * @param leafCount  at least 1
     */
    MerkleTree(byte[] leafHashes, int leafCount, MessageDigest sha256) {
        int height = 1;
        for (int size = leafCount; size > 1; size = (size + 1) / 2) {
            height++;
        }
        levels = new byte[height][];
        levels[0] = leafHashes;
        int size = leafCount;
        for (int level = 1; level < height; level++) {
            int next = (size + 1) / 2;
            byte[] below = levels[level - 1];
            byte[] here = new byte[next * HASH_LENGTH];
            for (int i = 0; i < next; i++) {
                if (2 * i + 1 < size) {
                    nodeHash(sha256, below, 2 * i * HASH_LENGTH, below, (2 * i + 1) * HASH_LENGTH, here, i * HASH_LENGTH);
                } else {
                    System.arraycopy(below, 2 * i * HASH_LENGTH, here, i * HASH_LENGTH, HASH_LENGTH);
                }
            }
            levels[level] = here;
            size = next;
        }
    }

    /** @return the root hash */
    byte[] root() {
        return levels[levels.length - 1].clone();
    }

    /** @return the authentication path of leaf {@code index}, siblings from the leaf up, concatenated */
    byte[] path(int index) {
        byte[] path = new byte[pathLength(index, levels[0].length / HASH_LENGTH) * HASH_LENGTH];
        int at = 0;
        int i = index;
        for (int level = 0; level < levels.length - 1; level++) {
            int sibling = i ^ 1;
            if (sibling < levels[level].length / HASH_LENGTH) {
                System.arraycopy(levels[level], sibling * HASH_LENGTH, path, at, HASH_LENGTH);
                at += HASH_LENGTH;
            }
            i >>= 1;
        }
        return path;
    }

    /** @return how many siblings the path of leaf {@code index} in a tree of {@code leafCount} leaves has */
    static int pathLength(int index, int leafCount) {
        int length = 0;
        int i = index;
        for (int size = leafCount; size > 1; size = (size + 1) / 2) {
            if ((i ^ 1) < size) {
                length++;
            }
            i >>= 1;
        }
        return length;
    }

    /**
     * @param path {@link #pathLength} hashes at {@code offset}, siblings from the leaf up
     * @return the root that leaf {@code index} with hash {@code leafHash} and that path lead to
     */
    static byte[] rootFromPath(MessageDigest sha256, byte[] leafHash, int index, int leafCount, byte[] path, int offset) {
        byte[] node = leafHash.clone();
        int at = offset;
        int i = index;
        for (int size = leafCount; size > 1; size = (size + 1) / 2) {
            if ((i ^ 1) < size) {
                if ((i & 1) == 0) {
                    nodeHash(sha256, node, 0, path, at, node, 0);
                } else {
                    nodeHash(sha256, path, at, node, 0, node, 0);
                }
                at += HASH_LENGTH;
            }
            i >>= 1;
        }
        return node;
    }

    /** @return {@code SHA-256(0x00 || bytes[offset, offset + length))} */
    static byte[] leafHash(MessageDigest sha256, byte[] bytes, int offset, int length) {
        sha256.update(LEAF);
        sha256.update(bytes, offset, length);
        return sha256.digest();
    }

    /** Writes {@code SHA-256(0x01 || left || right)} to {@code out} at {@code outOffset} (may overlap the inputs). */
    static void nodeHash(MessageDigest sha256, byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        sha256.update(NODE);
        sha256.update(left, leftOffset, HASH_LENGTH);
        sha256.update(right, rightOffset, HASH_LENGTH);
        System.arraycopy(sha256.digest(), 0, out, outOffset, HASH_LENGTH);
    }

    /** @return a fresh SHA-256 digest (every Java platform has one) */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform lacks SHA-256", e);
        }
    }
}
