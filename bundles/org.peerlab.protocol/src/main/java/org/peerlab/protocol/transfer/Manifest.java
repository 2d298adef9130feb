package org.peerlab.protocol.transfer;

import java.util.List;

/**
 * What a sender offers: files, in sending order, and the piece size.
 *
 * @param pieceSize piece size in bytes, a power of two from {@value #MIN_PIECE} to {@value #MAX_PIECE}
 * @param files     the files
 */
public record Manifest(int pieceSize, List<FileEntry> files) {

    /** PeerLab's default piece size: 256 KiB. */
    public static final int DEFAULT_PIECE = 256 * 1024;
    public static final int MIN_PIECE = 16 * 1024;
    public static final int MAX_PIECE = 1024 * 1024;
    /** Most files in one offer. */
    public static final int MAX_FILES = 1_000_000;
    /** Largest file: 2^31 - 1 pieces of the largest size would overflow piece indexes, so 4 TiB. */
    public static final long MAX_FILE_SIZE = 1L << 42;

    public Manifest {
        if (Integer.bitCount(pieceSize) != 1 || pieceSize < MIN_PIECE || pieceSize > MAX_PIECE) {
            throw new IllegalArgumentException("piece size must be a power of two from " + MIN_PIECE + " to " + MAX_PIECE + ", got " + pieceSize);
        }
        files = List.copyOf(files);
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("an offer holds at most " + MAX_FILES + " files, got " + files.size());
        }
        for (FileEntry f : files) {
            if (f.size() > MAX_FILE_SIZE) {
                throw new IllegalArgumentException(f.path() + ": larger than the limit of " + MAX_FILE_SIZE + " bytes");
            }
        }
    }

    /** @return the number of pieces of a file of {@code size} bytes */
    public static int pieces(long size, int pieceSize) {
        return (int) ((size + pieceSize - 1) / pieceSize);
    }

    /** @return the sum of all file sizes */
    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }
}
