package org.peerlab.storage.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.storage.wire.FileRecord;

/**
 * Restores plaintext segments from pieces: checks each offered piece against the record's piece
 * hashes and leaves out those that differ, decodes the segment from k intact pieces (the lowest
 * indices first, which for a systematic code such as Reed-Solomon are the data pieces and need no
 * arithmetic), and opens the AEAD. Keeps one keyed cipher: {@link #open} is not thread-safe, while
 * {@link #matches} may be called from any thread. {@link #close()} wipes the cipher's key.
 */
public final class SegmentOpener implements AutoCloseable {

    private final FileRecord record;
    private final SegmentLayout layout;
    private final AeadCipher cipher;
    private final ErasureCodec codec;
    private final boolean passwordKey;

    /**
     * @param key         the file's key (the opener keeps its own copy)
     * @param passwordKey whether the key came from a password: then a first segment that does not
     *                    authenticate raises {@link WrongPasswordException}
     * @throws IllegalArgumentException if the AEAD is not the record's, or the parts do not fit the layout
     */
    public SegmentOpener(FileRecord record, SegmentLayout layout, Aead aead, Secret key, ErasureCodec codec, boolean passwordKey) {
        this.record = Objects.requireNonNull(record, "record");
        this.layout = layout;
        this.codec = codec;
        this.passwordKey = passwordKey;
        if (!aead.descriptor().name().equals(record.aead())) {
            throw new IllegalArgumentException("file " + record.fileId() + " is sealed with " + record.aead() + ", not "
                    + aead.descriptor().name());
        }
        if (layout.size() != record.size() || layout.segmentSize() != record.segmentSize() || layout.shardLength() != record.shardLength()
                || layout.n() != record.n() || layout.k() != record.k()) {
            throw new IllegalArgumentException("file " + record.fileId() + ": the record (shards of " + record.shardLength() + " bytes, "
                    + record.k() + "-of-" + record.n() + ") does not match its layout " + layout);
        }
        SegmentSealer.checkParts(layout, aead, codec);
        this.cipher = aead.newCipher(key);
    }

    /** @return whether {@code piece} is piece {@code index} of {@code segment} as recorded */
    public boolean matches(long segment, int index, byte[] piece) {
        return piece.length == layout.pieceLength(segment) && PieceHashes.matches(record, segment, index, piece, 0, piece.length);
    }

    /**
     * @param pieces pieces offered by shard index; any number, bad ones are left out
     * @return the segment's plaintext ({@link SegmentLayout#plaintextLength} bytes)
     * @throws WrongPasswordException if segment 0 of a password-protected file does not authenticate
     * @throws SegmentException if fewer than k pieces are intact, they do not decode, or the
     *         segment does not authenticate
     */
    public byte[] open(long segment, Map<Integer, byte[]> pieces) throws SegmentException {
        return open(segment, pieces, true);
    }

    /**
     * As {@link #open(long, Map)} for pieces the caller has already checked with
     * {@link #matches}, so that they are not hashed twice. The AEAD still authenticates the
     * segment: a piece wrongly passed as checked makes the segment fail, never yields wrong data.
     */
    public byte[] openMatched(long segment, Map<Integer, byte[]> pieces) throws SegmentException {
        return open(segment, pieces, false);
    }

    private byte[] open(long segment, Map<Integer, byte[]> pieces, boolean check) throws SegmentException {
        List<Shard> good = new ArrayList<>(layout.k());
        List<String> bad = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> e : new TreeMap<>(pieces).entrySet()) {
            if (good.size() == layout.k()) {
                break;
            }
            int index = e.getKey();
            if (index < 0 || index >= layout.n()) {
                bad.add("piece " + index + " does not exist");
            } else if (check ? matches(segment, index, e.getValue()) : e.getValue().length == layout.pieceLength(segment)) {
                good.add(new Shard(index, e.getValue()));
            } else {
                bad.add("piece " + index + " differs from its recorded hash");
            }
        }
        if (good.size() < layout.k()) {
            throw new SegmentException("segment " + segment + " of file " + record.fileId() + ": " + good.size() + " intact piece(s), "
                    + layout.k() + " needed" + (bad.isEmpty() ? "" : "; " + String.join(", ", bad)));
        }
        byte[] sealed;
        try {
            sealed = codec.decode(good);
        } catch (InsufficientShardsException e) {
            throw new SegmentException("segment " + segment + " of file " + record.fileId() + " does not decode: " + e.getMessage(), e);
        }
        if (sealed.length != layout.sealedLength(segment)) {
            throw new SegmentException("segment " + segment + " of file " + record.fileId() + " decodes to " + sealed.length + " bytes, "
                    + layout.sealedLength(segment) + " expected");
        }
        try {
            return cipher.open(SegmentBinding.nonce(segment),
                    SegmentBinding.associatedData(record.fileId(), segment, layout.isLast(segment), layout.size()), sealed);
        } catch (AeadException e) {
            if (segment == 0 && passwordKey) {
                throw new WrongPasswordException(record.fileId());
            }
            throw new SegmentException("segment " + segment + " of file " + record.fileId() + " does not authenticate: "
                    + (segment == 0 ? "the key does not open this file, or the data was altered" : "the data was altered"), e);
        }
    }

    /** Wipes the cipher's key. Idempotent. */
    @Override
    public void close() {
        cipher.close();
    }
}
