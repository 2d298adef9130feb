package org.peerlab.storage.strategies.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.ShardAccess;

class MerkleChallengeSchemeTest extends AuditSchemeContractTest {

    private final MerkleChallengeScheme scheme = new MerkleChallengeScheme();

    @Override
    protected AuditScheme scheme() {
        return scheme;
    }

    @Override
    protected int[] challengedBlocks(byte[] record, byte[] challenge) throws Exception {
        return MerkleChallenge.decode(challenge).indices();
    }

    @Override
    protected byte[] forgeChallenge(byte[] record, int index) throws Exception {
        return new MerkleChallenge(MerkleRecord.decode(record).layout().blockSize(), new byte[16], new int[] { 0, index, 1 }).encode();
    }

    @Override
    protected void assertReasonNames(String reason, int block, long round) {
        assertTrue(reason.startsWith("block " + block + " (entry 0 of"), reason);
    }

    @Override
    protected Map<String, String> detectionParameters(int audits) {
        return Map.of();
    }

    /**
     * A node that rebuilds its tree from damaged bytes fails every audit (see {@link MerkleResponder});
     * the 1 - (1 - f)^c bound is about a node that kept the original tree and lost only block
     * bytes, which is what this answers with.
     */
    @Override
    protected byte[] respondForDetection(Parameters parameters, byte[] challenge, byte[] intact, byte[] damaged) throws Exception {
        return retainedTreeResponse(MerkleChallenge.decode(challenge), intact, damaged);
    }

    private static MerkleTree tree(byte[] shard, int blockSize) {
        BlockLayout layout = new BlockLayout(blockSize, shard.length);
        MessageDigest sha256 = MerkleTree.sha256();
        byte[] leaves = new byte[layout.blockCount() * MerkleTree.HASH_LENGTH];
        for (int i = 0; i < layout.blockCount(); i++) {
            byte[] leaf = MerkleTree.leafHash(sha256, shard, (int) layout.offset(i), layout.length(i));
            System.arraycopy(leaf, 0, leaves, i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        return new MerkleTree(leaves, layout.blockCount(), sha256);
    }

    private static byte[] retainedTreeResponse(MerkleChallenge challenge, byte[] intact, byte[] damaged) {
        BlockLayout layout = new BlockLayout(challenge.blockSize(), damaged.length);
        MerkleTree tree = tree(intact, challenge.blockSize());
        int[] indices = challenge.indices();
        byte[][] blocks = new byte[indices.length][];
        byte[][] paths = new byte[indices.length][];
        for (int j = 0; j < indices.length; j++) {
            int from = (int) layout.offset(indices[j]);
            blocks[j] = Arrays.copyOfRange(damaged, from, from + layout.length(indices[j]));
            paths[j] = tree.path(indices[j]);
        }
        return MerkleResponse.encode(challenge.nonce(), indices, blocks, paths);
    }

    @Test
    void streamedRootEqualsTheLevelTreeRootAndEveryPathLeadsToIt() throws Exception {
        MessageDigest sha256 = MerkleTree.sha256();
        Parameters p = parameters(Map.of("block-size", "64"));
        for (int blocks = 1; blocks <= 70; blocks++) {
            byte[] shard = shard(64 * blocks - (blocks % 3), blocks);
            MerkleRecord record = MerkleRecord.decode(record(p, shard));
            MerkleTree tree = tree(shard, 64);
            assertArrayEquals(tree.root(), record.root(), blocks + " blocks");
            for (int i = 0; i < blocks; i++) {
                byte[] leaf = MerkleTree.leafHash(sha256, shard, 64 * i, record.layout().length(i));
                byte[] path = tree.path(i);
                assertEquals(MerkleTree.pathLength(i, blocks) * 32, path.length);
                assertArrayEquals(record.root(), MerkleTree.rootFromPath(sha256, leaf, i, blocks, path, 0), blocks + "/" + i);
            }
        }
    }

    @Test
    void leavesAndInnerNodesAreDomainSeparated() {
        MessageDigest sha256 = MerkleTree.sha256();
        byte[] two = new byte[64];
        byte[] node = new byte[32];
        MerkleTree.nodeHash(sha256, two, 0, two, 32, node, 0);
        assertFalse(Arrays.equals(node, MerkleTree.leafHash(sha256, two, 0, 64)));
        assertArrayEquals(sha256.digest(new byte[] { 0 }), MerkleTree.leafHash(sha256, new byte[0], 0, 0));
    }

    @Test
    void formatsHaveTheDocumentedSizes() throws Exception {
        Parameters p = scheme.descriptor().defaults();
        byte[] shard = shard(1 << 20, 21);
        byte[] record = record(p, shard);
        assertEquals(MerkleRecord.LENGTH, record.length);
        assertEquals(49, record.length);
        byte[] challenge = scheme.challenge(p, record, 0, new SplittableRandom(22));
        assertEquals(25 + 4 * 460, challenge.length);
        byte[] response = scheme.respond(p, challenge, ShardAccess.of(shard));
        assertEquals(1 + 16 + 4 + 460 * (4 + 4 + 1024 + 1 + 10 * 32), response.length, "1024 blocks: paths of 10 hashes");
        System.out.printf("merkle-challenge, 1 MiB shard, defaults: record %d B, challenge %d B, response %d B%n",
                record.length, challenge.length, response.length);
    }

    @Test
    void retainedTreeNodeIsCaughtOnlyOnDamagedBlocksAndNamedPrecisely() throws Exception {
        Parameters p = parameters(Map.of("block-size", "64", "blocks", "4"));
        byte[] intact = shard(64 * 33 + 5, 23);
        byte[] damaged = intact.clone();
        damaged[64 * 20 + 3] ^= 1;
        byte[] record = record(p, intact);
        MerkleChallenge hitsIt = new MerkleChallenge(64, new byte[16], new int[] { 3, 32, 20, 20 });
        AuditVerdict verdict = scheme.verify(p, record, hitsIt.encode(), retainedTreeResponse(hitsIt, intact, damaged));
        assertFalse(verdict.passed());
        assertTrue(verdict.reason().startsWith("block 20 (entry 2 of 4)"), verdict.reason());
        MerkleChallenge missesIt = new MerkleChallenge(64, new byte[16], new int[] { 3, 32, 19, 21 });
        assertTrue(scheme.verify(p, record, missesIt.encode(), retainedTreeResponse(missesIt, intact, damaged)).passed());
        assertFalse(scheme.verify(p, record, missesIt.encode(), scheme.respond(p, missesIt.encode(), ShardAccess.of(damaged))).passed(),
                "a node that rebuilds its tree from damaged bytes fails even when the damaged block is not challenged");
    }

    @Test
    void verifyRejectsChallengesThatDoNotFitTheRecord() throws Exception {
        Parameters p = parameters(Map.of("block-size", "64", "blocks", "2"));
        byte[] shard = shard(64 * 4, 24);
        byte[] record = record(p, shard);
        byte[] outside = new MerkleChallenge(64, new byte[16], new int[] { 0, 4 }).encode();
        AuditVerdict verdict = scheme.verify(p, record, outside, new byte[] { 'R' });
        assertEquals("the challenge names block 4, outside the record's 4", verdict.reason());
        byte[] otherSize = new MerkleChallenge(128, new byte[16], new int[] { 0, 1 }).encode();
        assertFalse(scheme.verify(p, record, otherSize, scheme.respond(p, otherSize, ShardAccess.of(shard))).passed());
    }

    @Test
    void paddedOrMiscountedChallengesAreMalformed() {
        byte[] good = new MerkleChallenge(64, new byte[16], new int[] { 1, 2 }).encode();
        Parameters p = parameters(Map.of());
        ShardAccess shard = ShardAccess.of(new byte[640]);
        for (byte[] bad : new byte[][] { Arrays.copyOf(good, good.length + 1), Arrays.copyOf(good, good.length - 1),
                new MerkleChallenge(64, new byte[16], new int[0]).encode() }) {
            assertThrows(IllegalArgumentException.class, () -> scheme.respond(p, bad, shard));
        }
    }
}
