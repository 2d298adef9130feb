package org.peerlab.protocol.transfer;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of an offer.
 *
 * @param path   relative path with {@code /} separators, checked by {@link SafePath}
 * @param size   length in bytes
 * @param root   Merkle root of the piece hashes
 * @param hashes the piece hashes, concatenated (known to the sender; the receiver learns them in HASHES messages), or null
 */
public record FileEntry(String path, long size, byte[] root, byte[] hashes) {

    public FileEntry {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        if (root.length != Merkle.HASH) {
            throw new IllegalArgumentException("a root has " + Merkle.HASH + " bytes");
        }
    }

    /** @return the number of pieces of {@code pieceSize} bytes (the last may be shorter) */
    public int pieces(int pieceSize) {
        return Manifest.pieces(size, pieceSize);
    }

    /** @return the length of piece {@code index} */
    public int pieceLength(int index, int pieceSize) {
        return (int) Math.min(pieceSize, size - (long) index * pieceSize);
    }

    /** @return hash of piece {@code index}, from {@link #hashes()} */
    public byte[] hash(int index) {
        return Arrays.copyOfRange(hashes, index * Merkle.HASH, (index + 1) * Merkle.HASH);
    }

    /** @return the root as lower-case hex */
    public String rootHex() {
        return java.util.HexFormat.of().formatHex(root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileEntry f && f.path.equals(path) && f.size == size && Arrays.equals(f.root, root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, size, Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return path + " (" + size + " bytes, root " + rootHex().substring(0, 16) + "...)";
    }
}
