package org.peerlab.storage.client;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.Shard;

/**
 * Turns plaintext segments into pieces: seals segment s with the AEAD under the nonce and
 * associated data of {@link SegmentBinding}, erasure-codes the sealed bytes into n pieces and
 * hashes each piece. Keeps one keyed cipher: not thread-safe, use one sealer per thread (they may
 * share the key, every segment has its own nonce). {@link #close()} wipes the cipher's key.
 *
 * <p>Full segments are sealed into one buffer the sealer keeps and reuses: the codec's pieces are
 * new arrays (each starts with its shard header), so nothing returned refers to it. This spares
 * allocating a segment-sized array per segment.
 */
public final class SegmentSealer implements AutoCloseable {

    private final String fileId;
    private final SegmentLayout layout;
    private final AeadCipher cipher;
    private final ErasureCodec codec;
    private final MessageDigest sha256 = PieceHashes.sha256();
    private byte[] fullSealed;

    /**
     * @param key the file's key, {@code aead.keyLength()} bytes (the sealer keeps its own copy)
     * @throws IllegalArgumentException if the AEAD's nonce is not 12 bytes, its tag is not the
     *         layout's, the codec is not the layout's k-of-n, or the key length is wrong
     */
    public SegmentSealer(String fileId, SegmentLayout layout, Aead aead, Secret key, ErasureCodec codec) {
        this.fileId = Objects.requireNonNull(fileId, "fileId");
        this.layout = layout;
        this.codec = codec;
        checkParts(layout, aead, codec);
        this.cipher = aead.newCipher(key);
    }

    static void checkParts(SegmentLayout layout, Aead aead, ErasureCodec codec) {
        if (aead.nonceLength() != SegmentBinding.NONCE_LENGTH) {
            throw new IllegalArgumentException("aead " + aead.descriptor().name() + " takes " + aead.nonceLength()
                    + "-byte nonces; stored files need a " + SegmentBinding.NONCE_LENGTH + "-byte nonce");
        }
        if (aead.tagLength() != layout.tagLength()) {
            throw new IllegalArgumentException("aead " + aead.descriptor().name() + " adds " + aead.tagLength() + " bytes, the layout expects "
                    + layout.tagLength());
        }
        if (codec.requiredShards() != layout.k() || codec.totalShards() != layout.n()) {
            throw new IllegalArgumentException("codec is " + codec.requiredShards() + "-of-" + codec.totalShards() + ", the layout "
                    + layout.k() + "-of-" + layout.n());
        }
    }

    /**
     * @param plaintext holds the segment's {@code length} bytes from {@code offset}; not changed
     * @return the segment's n pieces and their hashes
     * @throws IllegalArgumentException if {@code length} is not the layout's plaintext length of the segment
     * @throws IndexOutOfBoundsException if the segment is outside the file
     * @throws IllegalStateException if the codec makes pieces of another length than the layout's
     */
    public SealedSegment seal(long segment, byte[] plaintext, int offset, int length) {
        int expected = layout.plaintextLength(segment);
        if (length != expected) {
            throw new IllegalArgumentException("segment " + segment + " has " + expected + " bytes of plaintext, got " + length);
        }
        Objects.checkFromIndexSize(offset, length, plaintext.length);
        boolean last = layout.isLast(segment);
        byte[] sealed;
        if (last) {
            sealed = new byte[layout.sealedLength(segment)];
        } else {
            if (fullSealed == null) {
                fullSealed = new byte[layout.sealedLength(segment)];
            }
            sealed = fullSealed;
        }
        cipher.seal(SegmentBinding.nonce(segment), SegmentBinding.associatedData(fileId, segment, last, layout.size()), plaintext, offset,
                length, sealed, 0);
        List<Shard> shards = codec.encode(sealed);
        int pieceLength = layout.pieceLength(segment);
        if (shards.size() != layout.n()) {
            throw new IllegalStateException("the codec made " + shards.size() + " pieces, the layout says " + layout.n());
        }
        byte[][] pieces = new byte[shards.size()][];
        byte[] hashes = new byte[shards.size() * PieceHashes.LENGTH];
        for (Shard s : shards) {
            if (s.data() == sealed) {
                throw new IllegalStateException("the codec returned the sealed buffer itself as piece " + s.index());
            }
            if (s.data().length != pieceLength) {
                throw new IllegalStateException("the codec made a piece of " + s.data().length + " bytes for segment " + segment
                        + ", the layout says " + pieceLength);
            }
            pieces[s.index()] = s.data();
            sha256.update(s.data());
            try {
                sha256.digest(hashes, s.index() * PieceHashes.LENGTH, PieceHashes.LENGTH);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SealedSegment(segment, List.of(pieces), hashes);
    }

    /** Wipes the cipher's key. Idempotent. */
    @Override
    public void close() {
        cipher.close();
    }
}
