package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

import org.peerlab.storage.api.AuditVerdict;

/**
 * A {@code merkle-challenge} response: tag {@code 'R'}, the challenge's nonce (16 bytes), count c
 * (int), then for each challenged block in challenge order: index (int), length (int), the
 * block's bytes, path length p (unsigned byte) and p sibling hashes (32 bytes each, leaf first).
 * About {@code c * (blockSize + 9 + 32 * ceil(log2 n))} bytes for n blocks.
 */
final class MerkleResponse {

    static final byte TAG = 'R';

    private MerkleResponse() {
    }

    /**
     * @param blocks the challenged blocks' bytes, in challenge order
     * @param paths  their authentication paths ({@link MerkleTree#path}), in challenge order
     * @throws IllegalArgumentException if the response would not fit in one byte array
     */
    static byte[] encode(byte[] nonce, int[] indices, byte[][] blocks, byte[][] paths) {
        long size = 1 + MerkleChallenge.NONCE_LENGTH + 4;
        for (int j = 0; j < indices.length; j++) {
            size += 4 + 4 + blocks[j].length + 1 + paths[j].length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a response of " + size + " bytes is too large; challenge fewer or smaller blocks");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(TAG).put(nonce).putInt(indices.length);
        for (int j = 0; j < indices.length; j++) {
            out.putInt(indices[j]).putInt(blocks[j].length).put(blocks[j]);
            out.put((byte) (paths[j].length / MerkleTree.HASH_LENGTH)).put(paths[j]);
        }
        return out.array();
    }

    /**
     * Checks every entry against the record, in challenge order, and stops at the first problem.
     * The challenge must already be checked against the record (same block size, indices in range).
     *
     * @return a pass, or a failure naming the first bad block; never throws on malformed input
     */
    static AuditVerdict check(MerkleRecord record, MerkleChallenge challenge, byte[] response) {
        MessageDigest sha256 = MerkleTree.sha256();
        int leafCount = record.layout().blockCount();
        int[] indices = challenge.indices();
        try {
            MessageReader in = new MessageReader(response, TAG, "merkle-challenge response");
            if (!MessageDigest.isEqual(in.readBytes(MerkleChallenge.NONCE_LENGTH, "nonce"), challenge.nonce())) {
                return AuditVerdict.fail("the response answers another challenge (its nonce differs)");
            }
            int count = in.readInt("count");
            if (count != indices.length) {
                return AuditVerdict.fail("the response has " + count + " blocks; the challenge asked for " + indices.length);
            }
            for (int j = 0; j < count; j++) {
                int index = indices[j];
                int found = in.readInt("index of entry " + j);
                if (found != index) {
                    return AuditVerdict.fail("entry " + j + " is block " + found + "; the challenge asked for block " + index);
                }
                int length = in.readInt("length of block " + index);
                if (length != record.layout().length(index)) {
                    return AuditVerdict.fail("block " + index + " has " + length + " bytes; the record says "
                            + record.layout().length(index));
                }
                byte[] block = in.readBytes(length, "block " + index);
                int pathLength = in.readByte("path length of block " + index) & 0xff;
                int expected = MerkleTree.pathLength(index, leafCount);
                if (pathLength != expected) {
                    return AuditVerdict.fail("block " + index + " comes with a path of " + pathLength + " hashes; a tree of "
                            + leafCount + " blocks needs " + expected);
                }
                byte[] path = in.readBytes(pathLength * MerkleTree.HASH_LENGTH, "path of block " + index);
                byte[] leaf = MerkleTree.leafHash(sha256, block, 0, length);
                if (!MessageDigest.isEqual(MerkleTree.rootFromPath(sha256, leaf, index, leafCount, path, 0), record.root())) {
                    return AuditVerdict.fail("block " + index + " (entry " + j + " of " + count
                            + ") does not lead to the recorded root: its bytes or its path differ");
                }
            }
            in.end();
            return AuditVerdict.pass();
        } catch (MalformedMessageException e) {
            return AuditVerdict.fail(e.getMessage());
        }
    }
}
