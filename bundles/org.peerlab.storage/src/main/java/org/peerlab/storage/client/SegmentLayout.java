package org.peerlab.storage.client;

import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.storage.wire.FileRecord;

/**
 * Where every byte of a stored file lives (see {@link FileRecord} for the layout): the plaintext
 * is cut into segments of {@link #segmentSize()} bytes (the last one shorter, an empty file has
 * one empty segment); each segment is sealed by the AEAD into {@code plaintext + tagLength} bytes
 * and erasure-coded into n pieces; shard i is piece i of every segment, concatenated. All pieces of
 * full segments have one length, all pieces of the last segment another, so piece s of any shard
 * starts at {@code s * fullPieceLength()}.
 *
 * <p>Piece lengths are the codec's business (its shard header and rounding), so the layout asks
 * the codec: it encodes one all-zero sealed segment of each distinct length once, when the layout
 * is made (an 8 MiB Reed-Solomon encode costs some tens of milliseconds). Shared by the client
 * (put, get) and the coordinator's repair worker. Immutable and thread-safe.
 */
public final class SegmentLayout {

    private final long size;
    private final int segmentSize;
    private final int tagLength;
    private final int k;
    private final int n;
    private final long segments;
    private final int fullPieceLength;
    private final int lastPieceLength;

    private SegmentLayout(long size, int segmentSize, int tagLength, ErasureCodec codec) {
        this.size = size;
        this.segmentSize = segmentSize;
        this.tagLength = tagLength;
        this.k = codec.requiredShards();
        this.n = codec.totalShards();
        this.segments = FileRecord.segmentCount(size, segmentSize);
        int lastSealed = plaintextLength(segments - 1) + tagLength;
        this.lastPieceLength = pieceLength(codec, lastSealed);
        this.fullPieceLength = segments == 1 ? lastPieceLength : pieceLength(codec, segmentSize + tagLength);
    }

    /**
     * @param size        the plaintext's length in bytes, at least 0
     * @param segmentSize plaintext bytes per segment, at least 1 and such that a sealed segment fits an int
     * @param tagLength   bytes the AEAD adds to every segment ({@code Aead.tagLength()})
     * @param codec       the erasure codec every segment is encoded with
     * @throws IllegalArgumentException if a value is out of range or the shards would exceed {@link Long#MAX_VALUE}
     */
    public static SegmentLayout of(long size, int segmentSize, int tagLength, ErasureCodec codec) {
        if (size < 0 || segmentSize < 1 || tagLength < 0 || segmentSize > Integer.MAX_VALUE - 64 - tagLength) {
            throw new IllegalArgumentException("invalid segment layout: size " + size + ", segment size " + segmentSize + ", tag length "
                    + tagLength);
        }
        SegmentLayout l = new SegmentLayout(size, segmentSize, tagLength, codec);
        if (l.segments > 1 && Long.MAX_VALUE / l.fullPieceLength < l.segments) {
            throw new IllegalArgumentException("a file of " + size + " bytes in segments of " + segmentSize + " is too large");
        }
        return l;
    }

    /** @return the layout of a stored file, from its record */
    public static SegmentLayout of(FileRecord record, int tagLength, ErasureCodec codec) {
        return of(record.size(), record.segmentSize(), tagLength, codec);
    }

    private static int pieceLength(ErasureCodec codec, int sealedLength) {
        return codec.encode(new byte[sealedLength]).get(0).data().length;
    }

    /** @return the plaintext's length in bytes */
    public long size() {
        return size;
    }

    /** @return plaintext bytes per full segment */
    public int segmentSize() {
        return segmentSize;
    }

    /** @return bytes the AEAD adds to each segment */
    public int tagLength() {
        return tagLength;
    }

    /** @return pieces needed to decode a segment */
    public int k() {
        return k;
    }

    /** @return pieces (and shards) per segment */
    public int n() {
        return n;
    }

    /** @return the number of segments, at least 1 */
    public long segments() {
        return segments;
    }

    /** @return whether {@code segment} is the last one */
    public boolean isLast(long segment) {
        check(segment);
        return segment == segments - 1;
    }

    /** @return the offset of {@code segment}'s first plaintext byte in the file */
    public long plaintextOffset(long segment) {
        check(segment);
        return segment * segmentSize;
    }

    /** @return plaintext bytes in {@code segment}: the segment size, less for the last one (0 for an empty file) */
    public int plaintextLength(long segment) {
        check(segment);
        return (int) Math.min(segmentSize, size - segment * segmentSize);
    }

    /** @return bytes of {@code segment} once sealed: plaintext plus the AEAD tag */
    public int sealedLength(long segment) {
        return plaintextLength(segment) + tagLength;
    }

    /** @return bytes of each piece of a full segment (equal to {@link #lastPieceLength()} when there is one segment) */
    public int fullPieceLength() {
        return fullPieceLength;
    }

    /** @return bytes of each piece of the last segment */
    public int lastPieceLength() {
        return lastPieceLength;
    }

    /** @return bytes of each piece of {@code segment} */
    public int pieceLength(long segment) {
        return isLast(segment) ? lastPieceLength : fullPieceLength;
    }

    /** @return where piece {@code segment} starts within a shard (the same in every shard) */
    public long pieceOffset(long segment) {
        check(segment);
        return segment * fullPieceLength;
    }

    /** @return every shard's length: the sum of its pieces */
    public long shardLength() {
        return (segments - 1) * fullPieceLength + lastPieceLength;
    }

    private void check(long segment) {
        if (segment < 0 || segment >= segments) {
            throw new IndexOutOfBoundsException("segment " + segment + " of a file with " + segments + " segments");
        }
    }

    @Override
    public String toString() {
        return "SegmentLayout[" + size + " bytes, " + segments + " segments of " + segmentSize + ", " + k + "-of-" + n + ", pieces of "
                + fullPieceLength + "/" + lastPieceLength + ", shards of " + shardLength() + "]";
    }
}
