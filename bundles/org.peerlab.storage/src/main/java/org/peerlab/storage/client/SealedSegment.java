package org.peerlab.storage.client;

import java.util.List;

/**
 * One segment, sealed and erasure-coded: its n pieces in shard order and their SHA-256 hashes.
 * The arrays are handed over, not copied: whoever holds this must not change them.
 *
 * @param segment the segment number
 * @param pieces  piece i goes to shard i; all of one length
 * @param hashes  n * 32 bytes, the SHA-256 of piece i at {@code i * 32}, ready for the record's piece hashes
 */
public record SealedSegment(long segment, List<byte[]> pieces, byte[] hashes) {

    public SealedSegment {
        pieces = List.copyOf(pieces);
        if (hashes.length != pieces.size() * PieceHashes.LENGTH) {
            throw new IllegalArgumentException(pieces.size() + " pieces with " + hashes.length + " bytes of hashes");
        }
    }
}
