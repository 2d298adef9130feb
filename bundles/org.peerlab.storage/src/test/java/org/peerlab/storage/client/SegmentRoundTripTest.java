package org.peerlab.storage.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.storage.wire.FileRecord;

class SegmentRoundTripTest {

    static final int SEGMENT = 1000;
    static final String ID = "0123456789abcdef0123456789abcdef";
    static final Aead AEAD = new TestParts.JdkAesGcm();
    static final ErasureCodec CODEC = new TestParts.XorParity(3);

    /** A file stored the way put stores it: its record and each shard's bytes. */
    record Stored(FileRecord record, SegmentLayout layout, byte[][] shards) {
        Map<Integer, byte[]> pieces(long segment) {
            Map<Integer, byte[]> m = new HashMap<>();
            for (int i = 0; i < shards.length; i++) {
                m.put(i, piece(segment, i));
            }
            return m;
        }

        byte[] piece(long segment, int i) {
            int at = (int) layout.pieceOffset(segment);
            return Arrays.copyOfRange(shards[i], at, at + layout.pieceLength(segment));
        }
    }

    static byte[] data(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static Stored store(byte[] plain, Secret key) {
        SegmentLayout layout = SegmentLayout.of(plain.length, SEGMENT, AEAD.tagLength(), CODEC);
        ByteArrayOutputStream[] shards = new ByteArrayOutputStream[layout.n()];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new ByteArrayOutputStream();
        }
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        try (SegmentSealer sealer = new SegmentSealer(ID, layout, AEAD, key, CODEC)) {
            for (long s = 0; s < layout.segments(); s++) {
                SealedSegment sealed = sealer.seal(s, plain, (int) layout.plaintextOffset(s), layout.plaintextLength(s));
                for (int i = 0; i < layout.n(); i++) {
                    assertEquals(layout.pieceOffset(s), shards[i].size(), "piece " + s + " starts where the layout says");
                    shards[i].writeBytes(sealed.pieces().get(i));
                }
                hashes.writeBytes(sealed.hashes());
            }
        }
        List<FileRecord.ShardEntry> entries = new ArrayList<>();
        byte[][] bytes = new byte[layout.n()][];
        for (int i = 0; i < layout.n(); i++) {
            bytes[i] = shards[i].toByteArray();
            assertEquals(layout.shardLength(), bytes[i].length, "shard " + i + " has the layout's length");
            entries.add(new FileRecord.ShardEntry(i, "node" + i, new byte[32], new byte[0]));
        }
        FileRecord record = new FileRecord(ID, "f", plain.length, SEGMENT, 0, "aes-256-gcm", FileKey.RANDOM_KEY, "", new byte[0], "xor", "",
                layout.k(), layout.n(), layout.shardLength(), "merkle-challenge", "", entries, hashes.toByteArray());
        return new Stored(record, layout, bytes);
    }

    static byte[] read(Stored st, Secret key, boolean password) throws SegmentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SegmentOpener opener = new SegmentOpener(st.record(), SegmentLayout.of(st.record(), AEAD.tagLength(), CODEC), AEAD, key, CODEC,
                password)) {
            for (long s = 0; s < st.layout().segments(); s++) {
                out.writeBytes(opener.open(s, st.pieces(s)));
            }
        }
        return out.toByteArray();
    }

    static Secret key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return Secret.adopt(k);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 500, 4 * SEGMENT })
    void sealedSegmentsOpenToThePlaintext(int size) throws SegmentException {
        byte[] plain = data(size);
        Stored st = store(plain, key(1));
        assertEquals(Math.max(1, (size + SEGMENT - 1) / SEGMENT), st.layout().segments());
        assertArrayEquals(plain, read(st, key(1), false));
    }

    @Test
    void anyKOfTheNPiecesDecode() throws SegmentException {
        byte[] plain = data(2 * SEGMENT + 7);
        Stored st = store(plain, key(2));
        try (SegmentOpener opener = new SegmentOpener(st.record(), st.layout(), AEAD, key(2), CODEC, false)) {
            for (long s = 0; s < st.layout().segments(); s++) {
                int at = (int) st.layout().plaintextOffset(s);
                byte[] expected = Arrays.copyOfRange(plain, at, at + st.layout().plaintextLength(s));
                for (int left = 0; left < st.layout().n(); left++) {
                    Map<Integer, byte[]> some = st.pieces(s);
                    some.remove(left);
                    assertArrayEquals(expected, opener.open(s, some), "segment " + s + " without piece " + left);
                }
            }
        }
    }

    @Test
    void aCorruptedPieceIsCaughtByItsHashAndSkipped() throws SegmentException {
        byte[] plain = data(SEGMENT + 3);
        Stored st = store(plain, key(3));
        try (SegmentOpener opener = new SegmentOpener(st.record(), st.layout(), AEAD, key(3), CODEC, false)) {
            Map<Integer, byte[]> pieces = st.pieces(0);
            pieces.get(1)[40] ^= 1;
            assertFalse(opener.matches(0, 1, pieces.get(1)));
            assertTrue(opener.matches(0, 0, pieces.get(0)));
            assertArrayEquals(Arrays.copyOf(plain, SEGMENT), opener.open(0, pieces), "the spare piece stands in for the bad one");
            pieces.remove(3);
            SegmentException e = assertThrows(SegmentException.class, () -> opener.open(0, pieces));
            assertTrue(e.getMessage().contains("piece 1 differs from its recorded hash"), e.getMessage());
            assertTrue(e.getMessage().contains("2 intact piece(s), 3 needed"), e.getMessage());
        }
    }

    @Test
    void aWrongKeyFailsWithTheWrongPasswordExceptionOnlyForPasswordKeys() {
        Stored st = store(data(2500), key(4));
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> read(st, key(5), true));
        assertTrue(e.getMessage().startsWith("wrong password (or damaged data)"), e.getMessage());
        SegmentException other = assertThrows(SegmentException.class, () -> read(st, key(5), false));
        assertFalse(other instanceof WrongPasswordException);
        assertTrue(other.getMessage().contains("does not authenticate"), other.getMessage());
    }

    @Test
    void theAssociatedDataBindsTheSegmentNumber() throws SegmentException {
        Stored st = store(data(4 * SEGMENT), key(6));
        int n = st.layout().n();
        byte[] swapped = st.record().pieceHashes().clone();
        System.arraycopy(st.record().pieceHashes(), PieceHashes.offset(2, 0, n), swapped, PieceHashes.offset(1, 0, n), n * 32);
        System.arraycopy(st.record().pieceHashes(), PieceHashes.offset(1, 0, n), swapped, PieceHashes.offset(2, 0, n), n * 32);
        FileRecord r = st.record();
        FileRecord forged = new FileRecord(r.fileId(), r.name(), r.size(), r.segmentSize(), 0, r.aead(), r.kdf(), r.kdfParameters(), r.salt(),
                r.redundancy(), r.redundancyParameters(), r.k(), r.n(), r.shardLength(), r.audit(), r.auditParameters(), r.shards(), swapped);
        try (SegmentOpener opener = new SegmentOpener(forged, st.layout(), AEAD, key(6), CODEC, true)) {
            assertEquals(SEGMENT, opener.open(0, st.pieces(0)).length, "segment 0 is untouched");
            SegmentException e = assertThrows(SegmentException.class, () -> opener.open(1, st.pieces(2)),
                    "segment 2's pieces, even with matching hashes, do not open as segment 1");
            assertTrue(e.getMessage().contains("segment 1") && e.getMessage().contains("does not authenticate"), e.getMessage());
        }
    }

    @Test
    void aSegmentOfAnotherLengthIsRefusedBeforeSealing() {
        SegmentLayout layout = SegmentLayout.of(1500, SEGMENT, 16, CODEC);
        try (SegmentSealer sealer = new SegmentSealer(ID, layout, AEAD, key(7), CODEC)) {
            assertThrows(IllegalArgumentException.class, () -> sealer.seal(1, new byte[SEGMENT], 0, SEGMENT));
            assertThrows(IndexOutOfBoundsException.class, () -> sealer.seal(2, new byte[SEGMENT], 0, 0));
        }
    }

    @Test
    void theLayoutFollowsTheCodec() {
        SegmentLayout empty = SegmentLayout.of(0, SEGMENT, 16, CODEC);
        assertEquals(1, empty.segments());
        assertEquals(16, empty.sealedLength(0));
        assertEquals(28 + 6, empty.lastPieceLength(), "header plus 16 bytes in thirds, rounded up");
        SegmentLayout l = SegmentLayout.of(2 * SEGMENT + 1, SEGMENT, 16, CODEC);
        assertEquals(3, l.segments());
        assertEquals(28 + 339, l.fullPieceLength());
        assertEquals(28 + 6, l.lastPieceLength());
        assertEquals(2 * (28 + 339) + 34, l.shardLength());
        assertEquals(2 * (28 + 339), l.pieceOffset(2));
        assertTrue(l.isLast(2));
        assertInstanceOf(IndexOutOfBoundsException.class, assertThrows(RuntimeException.class, () -> l.pieceLength(3)));
    }
}
