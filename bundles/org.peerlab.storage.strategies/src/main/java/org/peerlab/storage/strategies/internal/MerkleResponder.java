package org.peerlab.storage.strategies.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.peerlab.storage.api.ShardAccess;

/**
 * The node's side of {@code merkle-challenge}. A node keeps nothing but the shard, so each
 * answer rebuilds the tree: one sequential read of the whole shard in chunks of about 1 MiB, one
 * SHA-256 per block and per inner node (about 2n hashes for n blocks), and about 64 bytes of
 * memory per block for the tree's levels plus the challenged blocks. The challenged blocks are
 * copied out during that same pass, so the shard is read exactly once.
 *
 * <p>Consequence: because every authentication path passes next to every other block's
 * subtree, damage anywhere in the shard makes the paths this node sends wrong, so a node that
 * rebuilds its tree fails every audit once any block is damaged. The 1 - (1 - f)^c detection
 * bound is what the scheme guarantees against a node that kept the original tree.
 */
final class MerkleResponder {

    /** Leaf hashes fit in one array: 2^26 blocks, a 64 GiB shard at 1 KiB blocks. */
    static final int MAX_BLOCKS = (1 << 26) - 1;

    private static final int CHUNK_BYTES = 1 << 20;

    private MerkleResponder() {
    }

    /**
     * @throws IllegalArgumentException if a challenged index is not a block of this shard, the
     *         block size is out of range, or the shard has more than {@value #MAX_BLOCKS} blocks
     * @throws IOException if the shard cannot be read
     */
    static byte[] respond(MerkleChallenge challenge, ShardAccess shard) throws IOException {
        BlockLayout layout = new BlockLayout(challenge.blockSize(), shard.length());
        int leafCount = layout.blockCount();
        if (leafCount > MAX_BLOCKS) {
            throw new IllegalArgumentException("a shard of " + leafCount + " blocks is too large to answer from memory (at most "
                    + MAX_BLOCKS + "); use larger blocks");
        }
        for (int index : challenge.indices()) {
            layout.checkIndex(index);
        }
        int[] wanted = IntStream.of(challenge.indices()).sorted().distinct().toArray();
        byte[][] wantedBytes = new byte[wanted.length][];
        MessageDigest sha256 = MerkleTree.sha256();
        byte[] leaves = new byte[leafCount * MerkleTree.HASH_LENGTH];
        int blockSize = layout.blockSize();
        int perChunk = Math.max(1, CHUNK_BYTES / blockSize);
        byte[] chunk = new byte[perChunk * blockSize];
        int nextWanted = 0;
        for (int first = 0; first < leafCount; first += perChunk) {
            long offset = layout.offset(first);
            shard.read(offset, chunk, 0, (int) Math.min(chunk.length, layout.shardLength() - offset));
            for (int index = first; index < Math.min(leafCount, first + perChunk); index++) {
                int at = (index - first) * blockSize;
                int length = layout.length(index);
                byte[] leaf = MerkleTree.leafHash(sha256, chunk, at, length);
                System.arraycopy(leaf, 0, leaves, index * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
                if (nextWanted < wanted.length && wanted[nextWanted] == index) {
                    wantedBytes[nextWanted++] = Arrays.copyOfRange(chunk, at, at + length);
                }
            }
        }
        MerkleTree tree = new MerkleTree(leaves, leafCount, sha256);
        int[] indices = challenge.indices();
        byte[][] blocks = new byte[indices.length][];
        byte[][] paths = new byte[indices.length][];
        for (int j = 0; j < indices.length; j++) {
            blocks[j] = wantedBytes[Arrays.binarySearch(wanted, indices[j])];
            paths[j] = tree.path(indices[j]);
        }
        return MerkleResponse.encode(challenge.nonce(), indices, blocks, paths);
    }
}
