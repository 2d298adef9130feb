package org.peerlab.storage.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.peerlab.storage.wire.FileRecord;

/**
 * The SHA-256 of every piece, as {@link FileRecord#pieceHashes()} keeps them: segment-major,
 * 32 bytes each, piece {@code index} of segment {@code s} at {@code (s * n + index) * 32}. A reader
 * checks each piece before decoding, so a damaged or substituted piece is left out instead of
 * spoiling the segment. Pure functions; thread-safe.
 */
public final class PieceHashes {

    /** Bytes per hash. */
    public static final int LENGTH = 32;

    private PieceHashes() {
    }

    /** @return where the hash of piece {@code index} of {@code segment} starts in the record's piece hashes */
    public static int offset(long segment, int index, int n) {
        return Math.toIntExact((segment * n + index) * LENGTH);
    }

    /** @return the number of bytes of piece hashes a file of {@code segments} segments of n pieces needs */
    public static long length(long segments, int n) {
        return segments * n * LENGTH;
    }

    /** @return a fresh SHA-256 digest (every JDK has one) */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /**
     * @return whether {@code length} bytes of {@code piece} from {@code offset} are piece
     *         {@code index} of {@code segment} as the record describes it
     * @throws IndexOutOfBoundsException if the record has no such piece
     */
    public static boolean matches(FileRecord record, long segment, int index, byte[] piece, int offset, int length) {
        if (index < 0 || index >= record.n()) {
            throw new IndexOutOfBoundsException("piece " + index + " of a file with " + record.n() + " shards");
        }
        MessageDigest sha = sha256();
        sha.update(piece, offset, length);
        byte[] actual = sha.digest();
        int at = offset(segment, index, record.n());
        byte[] expected = java.util.Arrays.copyOfRange(record.pieceHashes(), at, at + LENGTH);
        return MessageDigest.isEqual(actual, expected);
    }
}
