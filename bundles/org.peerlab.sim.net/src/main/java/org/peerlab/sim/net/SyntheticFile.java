package org.peerlab.sim.net;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;

import org.peerlab.protocol.transfer.FileEntry;
import org.peerlab.protocol.transfer.FileSource;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.Merkle;

/**
 * The content of a simulated file, generated on demand and never held whole: byte {@code i} is
 * byte {@code i mod 8} (little-endian) of a SplitMix64-style mix of {@code (key, i / 8)}, so any
 * range can be produced at any time, in constant memory, about a nanosecond per 8 bytes. The key
 * comes from a named random stream, so content is reproducible from the experiment seed.
 *
 * <p>An <em>elided</em> file is all zeros and is not generated at all (payload elision: the
 * sender's buffer is left as it is, zero-filled); its manifest hashes one zero piece.
 */
public final class SyntheticFile implements FileSource {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String path;
    private final long key;
    private final long size;
    private final boolean elided;

    /**
     * @param path   the file's relative path in the offer
     * @param key    the content key (draw it from a named random stream)
     * @param size   length in bytes, at least 0
     * @param elided whether the content is elided (all zeros, never generated)
     */
    public SyntheticFile(String path, long key, long size, boolean elided) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.path = path;
        this.key = key;
        this.size = size;
        this.elided = elided;
    }

    /** @return the length in bytes */
    public long size() {
        return size;
    }

    /** @return whether the content is elided */
    public boolean elided() {
        return elided;
    }

    /** Writes bytes {@code [offset, offset + length)} of the content into {@code buffer} from index 0. */
    public void fill(long offset, byte[] buffer, int length) {
        if (offset < 0 || length < 0 || offset + length > size || length > buffer.length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside the file of " + size + " bytes or the buffer");
        }
        int i = 0;
        long position = offset;
        while (i < length && (position & 7) != 0) {
            buffer[i++] = (byte) (word(position >>> 3) >>> 8 * (position & 7));
            position++;
        }
        for (long block = position >>> 3; i + 8 <= length; i += 8, block++) {
            LONGS.set(buffer, i, word(block));
        }
        for (position = offset + i; i < length; i++, position++) {
            buffer[i] = (byte) (word(position >>> 3) >>> 8 * (position & 7));
        }
    }

    private long word(long block) {
        long z = key + (block + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@link FileSource} for a one-file offer: file index 0 only. Elided content is not written. */
    @Override
    public void read(int file, long offset, byte[] buffer, int length) {
        if (file != 0) {
            throw new IndexOutOfBoundsException("a synthetic source holds one file, asked for file " + file);
        }
        if (!elided) {
            fill(offset, buffer, length);
        }
    }

    /**
     * Builds the one-file manifest: every piece hash and the Merkle root (generating the content
     * once, piece by piece, unless elided), and the SHA-256 of the whole content.
     *
     * @param pieceSize a valid piece size (power of two from 16 KiB to 1 MiB)
     */
    public Offer offer(int pieceSize) {
        int pieces = Manifest.pieces(size, pieceSize);
        byte[] hashes = new byte[pieces * Merkle.HASH];
        MessageDigest leaf = Merkle.sha256();
        MessageDigest whole = Merkle.sha256();
        byte[] piece = new byte[(int) Math.min(pieceSize, Math.max(size, 1))];
        byte[] fullZeroHash = null;
        for (int p = 0; p < pieces; p++) {
            int length = (int) Math.min(pieceSize, size - (long) p * pieceSize);
            byte[] h;
            if (elided) {
                h = length == pieceSize && fullZeroHash != null ? fullZeroHash : Merkle.leaf(leaf, piece, 0, length);
                if (length == pieceSize) {
                    fullZeroHash = h;
                }
            } else {
                fill((long) p * pieceSize, piece, length);
                h = Merkle.leaf(leaf, piece, 0, length);
                whole.update(piece, 0, length);
            }
            System.arraycopy(h, 0, hashes, p * Merkle.HASH, Merkle.HASH);
        }
        FileEntry entry = new FileEntry(path, size, Merkle.root(hashes), hashes);
        return new Offer(new Manifest(pieceSize, List.of(entry)), elided ? null : whole.digest());
    }

    /**
     * A manifest and what the content hashes to.
     *
     * @param manifest the sender's manifest (with every piece hash)
     * @param sha256   SHA-256 of the whole content, or null when elided
     */
    public record Offer(Manifest manifest, byte[] sha256) {
    }
}
