package org.peerlab.storage.strategies.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditScheme.AuditExhaustedException;
import org.peerlab.storage.api.ShardAccess;

class PrecomputedHmacSchemeTest extends AuditSchemeContractTest {

    private final PrecomputedHmacScheme scheme = new PrecomputedHmacScheme();

    @Override
    protected AuditScheme scheme() {
        return scheme;
    }

    @Override
    protected int[] challengedBlocks(byte[] record, byte[] challenge) throws Exception {
        HmacChallenge c = HmacChallenge.decode(challenge);
        return c.keys().sortedIndices(c.blocks(), c.blockCount());
    }

    /** The indices come from the seed, so a forger inflates the block count until they fall outside the shard. */
    @Override
    protected byte[] forgeChallenge(byte[] record, int index) throws Exception {
        HmacRecord r = HmacRecord.decode(record);
        return new HmacChallenge(0, r.layout().blockSize(), 1 << 30, r.blocksPerChallenge(), r.challenges()[0]).encode();
    }

    @Override
    protected void assertReasonNames(String reason, int block, long round) {
        assertTrue(reason.startsWith("the MAC of round " + round + " does not match"), reason);
    }

    @Override
    protected Map<String, String> detectionParameters(int audits) {
        return Map.of("challenges", Integer.toString(audits));
    }

    @Test
    void exhaustsAfterTheLastPrecomputedChallenge() throws Exception {
        Parameters p = parameters(Map.of("block-size", "64", "blocks", "10", "challenges", "12"));
        byte[] shard = shard(64 * 20 + 1, 31);
        byte[] record = record(p, shard);
        for (int round = 0; round < 12; round++) {
            assertTrue(audit(p, record, shard, round, null).passed(), "round " + round);
        }
        AuditExhaustedException e = assertThrows(AuditExhaustedException.class, () -> scheme.challenge(p, record, 12, null));
        assertTrue(e.getMessage().startsWith("all 12 precomputed challenges"), e.getMessage());
        assertThrows(AuditExhaustedException.class, () -> scheme.challenge(p, record, Long.MAX_VALUE, null));
        assertThrows(IllegalArgumentException.class, () -> scheme.challenge(p, record, -1, null));
    }

    @Test
    void formatsHaveTheDocumentedSizes() throws Exception {
        Parameters p = scheme.descriptor().defaults();
        byte[] shard = shard(1 << 20, 32);
        byte[] record = record(p, shard);
        assertEquals(21 + 56 * 64, record.length);
        byte[] challenge = scheme.challenge(p, record, 5, null);
        assertEquals(41, challenge.length);
        byte[] response = scheme.respond(p, challenge, ShardAccess.of(shard));
        assertEquals(33, response.length);
        assertTrue(scheme.verify(p, record, challenge, response).passed());
        System.out.printf("precomputed-hmac, 1 MiB shard, defaults: record %d B, challenge %d B, response %d B%n",
                record.length, challenge.length, response.length);
    }

    @Test
    void challengesAreBoundToTheirRoundAndRecord() throws Exception {
        Parameters p = parameters(Map.of("block-size", "64", "blocks", "5", "challenges", "4"));
        byte[] shard = shard(64 * 8, 33);
        byte[] record = record(p, shard);
        byte[] round1 = scheme.challenge(p, record, 1, null);
        byte[] answer1 = scheme.respond(p, round1, ShardAccess.of(shard));
        HmacChallenge c = HmacChallenge.decode(round1);
        byte[] relabelled = new HmacChallenge(2, c.blockSize(), c.blockCount(), c.blocks(), c.keys()).encode();
        assertEquals("the challenge is not round 2 of this record", scheme.verify(p, record, relabelled, answer1).reason());
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        var builder = scheme.recordBuilder(p, shard.length, otherSecret);
        builder.update(shard, 0, shard.length);
        byte[] otherRecord = builder.finish();
        assertFalse(scheme.verify(p, otherRecord, round1, answer1).passed());
        assertArrayEquals(record, record(p, shard), "the record is a function of the secret and the shard");
    }

    @Test
    void indicesAreUniformEnoughAndDeterministic() {
        PrecomputedChallenge keys = new PrecomputedChallenge(new byte[16], 42);
        assertArrayEquals(keys.sortedIndices(1000, 7), keys.sortedIndices(1000, 7));
        int[] counts = new int[7];
        for (int index : keys.sortedIndices(70_000, 7)) {
            counts[index]++;
        }
        for (int count : counts) {
            assertTrue(Math.abs(count - 10_000) < 400, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void rejectsBadSecretsAndOversizedRecords() {
        Parameters p = scheme.descriptor().defaults();
        assertThrows(IllegalArgumentException.class, () -> scheme.recordBuilder(p, 100, new byte[16]));
        assertThrows(NullPointerException.class, () -> scheme.recordBuilder(p, 100, null));
        Parameters huge = parameters(Map.of("blocks", "100000", "challenges", "4096"));
        assertThrows(IllegalArgumentException.class, () -> scheme.recordBuilder(huge, 100, SECRET.clone()));
    }

    @Test
    void respondReadsOnlyTheChallengedBlocks() throws Exception {
        Parameters p = parameters(Map.of("block-size", "64", "blocks", "3", "challenges", "1"));
        byte[] shard = shard(64 * 1000, 34);
        byte[] record = record(p, shard);
        byte[] challenge = scheme.challenge(p, record, 0, new SplittableRandom(1));
        long[] read = new long[1];
        ShardAccess counting = new ShardAccess() {
            @Override
            public long length() {
                return shard.length;
            }

            @Override
            public void read(long offset, byte[] into, int at, int length) throws java.io.IOException {
                read[0] += length;
                ShardAccess.of(shard).read(offset, into, at, length);
            }
        };
        assertTrue(scheme.verify(p, record, challenge, scheme.respond(p, challenge, counting)).passed());
        assertTrue(read[0] <= 3 * 64, read[0] + " bytes read");
    }
}
