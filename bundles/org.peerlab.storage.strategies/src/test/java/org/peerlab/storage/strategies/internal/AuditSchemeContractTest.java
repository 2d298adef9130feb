package org.peerlab.storage.strategies.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.ShardAccess;

/**
 * What every {@link AuditScheme} must do; each scheme's test extends this. (A candidate for the
 * strategies testkit once the storage family settles.)
 */
abstract class AuditSchemeContractTest {

    static final byte[] SECRET = shard(32, 7);

    protected abstract AuditScheme scheme();

    /** @return the block indices the challenge selects, in challenge order (or ascending where the scheme sorts them) */
    protected abstract int[] challengedBlocks(byte[] record, byte[] challenge) throws Exception;

    /** @return a well-formed challenge for this record that selects {@code index} (out of range) */
    protected abstract byte[] forgeChallenge(byte[] record, int index) throws Exception;

    /** Checks that the failure reason points at the damaged block as precisely as the scheme can. */
    protected abstract void assertReasonNames(String reason, int block, long round);

    /** @return parameters for the detection test, which needs {@code audits} audits per record */
    protected abstract Map<String, String> detectionParameters(int audits);

    /** The node's answer in the detection test; by default the scheme's own respond on the damaged shard. */
    protected byte[] respondForDetection(Parameters parameters, byte[] challenge, byte[] intact, byte[] damaged) throws Exception {
        return scheme().respond(parameters, challenge, ShardAccess.of(damaged));
    }

    protected Parameters parameters(Map<String, String> values) {
        return scheme().descriptor().bind(values);
    }

    protected static byte[] shard(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    protected byte[] record(Parameters p, byte[] shard) {
        AuditRecordBuilder builder = scheme().recordBuilder(p, shard.length, SECRET.clone());
        builder.update(shard, 0, shard.length);
        return builder.finish();
    }

    protected AuditVerdict audit(Parameters p, byte[] record, byte[] held, long round, SplittableRandom random) throws Exception {
        byte[] challenge = scheme().challenge(p, record, round, random);
        return scheme().verify(p, record, challenge, scheme().respond(p, challenge, ShardAccess.of(held)));
    }

    @Test
    void intactShardsPassManyRounds() throws Exception {
        Parameters p = parameters(Map.of("block-size", "1024", "blocks", "40"));
        SplittableRandom random = new SplittableRandom(1);
        for (int length : new int[] { 1, 1000, 1024, 1025, 5000, 64 * 1024, 64 * 1024 + 17 }) {
            byte[] shard = shard(length, length);
            byte[] record = record(p, shard);
            for (int round = 0; round < 20; round++) {
                AuditVerdict verdict = audit(p, record, shard, round, random);
                assertTrue(verdict.passed(), length + " bytes, round " + round + ": " + verdict.reason());
                assertEquals("", verdict.reason());
            }
        }
    }

    @Test
    void damagedChallengedBlockFailsNamingIt() throws Exception {
        Parameters p = parameters(Map.of("block-size", "256", "blocks", "8"));
        byte[] shard = shard(256 * 50 + 100, 2);
        byte[] record = record(p, shard);
        for (int round = 0; round < 5; round++) {
            byte[] challenge = scheme().challenge(p, record, round, new SplittableRandom(round));
            int block = challengedBlocks(record, challenge)[0];
            byte[] damaged = shard.clone();
            damaged[block * 256 + Math.min(17, shard.length - block * 256 - 1)] ^= 0x01;
            AuditVerdict verdict = scheme().verify(p, record, challenge, scheme().respond(p, challenge, ShardAccess.of(damaged)));
            assertFalse(verdict.passed(), "damaged block " + block);
            assertReasonNames(verdict.reason(), block, round);
        }
    }

    @Test
    void tamperedTruncatedAndGarbageResponsesFailWithoutThrowing() throws Exception {
        Parameters p = parameters(Map.of("block-size", "128", "blocks", "5"));
        byte[] shard = shard(128 * 9 + 3, 3);
        byte[] record = record(p, shard);
        byte[] challenge = scheme().challenge(p, record, 0, new SplittableRandom(3));
        byte[] response = scheme().respond(p, challenge, ShardAccess.of(shard));
        assertTrue(scheme().verify(p, record, challenge, response).passed());
        for (int i = 0; i < response.length; i++) {
            byte[] tampered = response.clone();
            tampered[i] ^= (byte) (1 << (i % 8));
            assertRejected(p, record, challenge, tampered, "bit flipped in byte " + i);
        }
        for (int length = 0; length < response.length; length += Math.max(1, response.length / 97)) {
            assertRejected(p, record, challenge, Arrays.copyOf(response, length), "truncated to " + length);
        }
        assertRejected(p, record, challenge, Arrays.copyOf(response, response.length + 1), "one byte appended");
        assertRejected(p, record, challenge, null, "no response");
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[random.nextInt(1, 2 * response.length)];
            random.nextBytes(garbage);
            garbage[0] = response[0];
            assertRejected(p, record, challenge, garbage, "garbage " + i);
        }
        byte[] other = scheme().challenge(p, record, 1, new SplittableRandom(5));
        assertRejected(p, record, other, response, "answer to another challenge");
        AuditVerdict badRecord = scheme().verify(p, new byte[] { 1, 2, 3 }, challenge, response);
        assertFalse(badRecord.passed());
        assertFalse(scheme().verify(p, record, new byte[7], response).passed());
    }

    private void assertRejected(Parameters p, byte[] record, byte[] challenge, byte[] response, String what) {
        AuditVerdict verdict = scheme().verify(p, record, challenge, response);
        assertFalse(verdict.passed(), what);
        assertFalse(verdict.reason().isBlank(), what);
    }

    @Test
    void respondRejectsForgedAndMalformedChallenges() throws Exception {
        Parameters p = parameters(Map.of("block-size", "64", "blocks", "3"));
        byte[] shard = shard(64 * 10, 6);
        byte[] record = record(p, shard);
        for (int index : new int[] { 10, 11, 1 << 20, -1 }) {
            byte[] forged = forgeChallenge(record, index);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> scheme().respond(p, forged, ShardAccess.of(shard)), "index " + index);
            assertTrue(e.getMessage().contains("outside"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> scheme().respond(p, new byte[] { 0x55, 1 }, ShardAccess.of(shard)));
        assertThrows(IllegalArgumentException.class, () -> scheme().respond(p, new byte[0], ShardAccess.of(shard)));
    }

    @Test
    void recordIsSmallWhateverTheShardSize() throws IOException {
        Parameters p = scheme().descriptor().defaults();
        int oneMiB = streamedRecord(p, 1L << 20).length;
        int bigger = streamedRecord(p, 128L << 20).length;
        System.out.printf("%s record at default parameters: %d bytes for 1 MiB, %d bytes for 128 MiB%n",
                scheme().descriptor().name(), oneMiB, bigger);
        assertEquals(oneMiB, bigger);
        assertTrue(oneMiB <= 4096, oneMiB + " bytes");
    }

    private byte[] streamedRecord(Parameters p, long length) {
        AuditRecordBuilder builder = scheme().recordBuilder(p, length, SECRET.clone());
        byte[] chunk = shard(1 << 20, 9);
        for (long fed = 0; fed < length; fed += chunk.length) {
            builder.update(chunk, 0, (int) Math.min(chunk.length, length - fed));
        }
        return builder.finish();
    }

    @Test
    void recordIsTheSameHoweverTheBytesAreSliced() {
        Parameters p = parameters(Map.of("block-size", "100", "blocks", "7"));
        byte[] shard = shard(100 * 37 + 41, 8);
        byte[] whole = record(p, shard);
        SplittableRandom random = new SplittableRandom(10);
        for (int maxSlice : new int[] { 1, 3, 99, 100, 101, 250, 5000 }) {
            AuditRecordBuilder builder = scheme().recordBuilder(p, shard.length, SECRET.clone());
            for (int at = 0; at < shard.length;) {
                int slice = Math.min(shard.length - at, random.nextInt(0, maxSlice + 1));
                byte[] padded = new byte[slice + 10];
                System.arraycopy(shard, at, padded, 5, slice);
                builder.update(padded, 5, slice);
                at += slice;
            }
            assertArrayEquals(whole, builder.finish(), "slices of at most " + maxSlice);
        }
        AuditRecordBuilder over = scheme().recordBuilder(p, 10, SECRET.clone());
        assertThrows(IllegalArgumentException.class, () -> over.update(new byte[11], 0, 11));
        AuditRecordBuilder under = scheme().recordBuilder(p, 10, SECRET.clone());
        under.update(new byte[9], 0, 9);
        assertThrows(IllegalStateException.class, under::finish);
        assertThrows(IllegalArgumentException.class, () -> scheme().recordBuilder(p, 0, SECRET.clone()));
    }

    /**
     * Damages 41 of 4096 blocks (f = 1%) and runs 2000 audits of c = 100 blocks: the share of
     * failed audits must lie within the 99.9% normal bound of the binomial with p = 1 - (1 - f)^c
     * (about 0.634).
     */
    @Test
    void detectionRateMatchesOneMinusOneMinusFToTheC() throws Exception {
        int blocks = 4096;
        int damagedBlocks = 41;
        int audits = 2000;
        int c = 100;
        Map<String, String> values = new HashMap<>(detectionParameters(audits));
        values.put("block-size", "64");
        values.put("blocks", Integer.toString(c));
        Parameters p = parameters(values);
        byte[] intact = shard(64 * blocks, 11);
        byte[] damaged = intact.clone();
        SplittableRandom random = new SplittableRandom(12);
        random.ints(0, blocks).distinct().limit(damagedBlocks).forEach(b -> damaged[b * 64 + 5] ^= 0x40);
        byte[] record = record(p, intact);
        int detected = 0;
        for (int round = 0; round < audits; round++) {
            byte[] challenge = scheme().challenge(p, record, round, random);
            if (!scheme().verify(p, record, challenge, respondForDetection(p, challenge, intact, damaged)).passed()) {
                detected++;
            }
        }
        double f = (double) damagedBlocks / blocks;
        double expected = audits * (1 - Math.pow(1 - f, c));
        double bound = 3.2905 * Math.sqrt(expected * (1 - expected / audits));
        System.out.printf("%s: %d of %d audits caught f=%.4f with c=%d; expected %.1f +- %.1f%n",
                scheme().descriptor().name(), detected, audits, f, c, expected, bound);
        assertTrue(Math.abs(detected - expected) <= bound, detected + " detections, expected " + expected + " +- " + bound);
    }
}
