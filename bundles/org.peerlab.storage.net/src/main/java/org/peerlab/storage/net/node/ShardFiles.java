package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.peerlab.storage.node.CorruptShardException;

/**
 * The on-disk layout of a node's data directory: {@code shards/<first 2 hex>/<shard>} with a
 * {@code <shard>.sha256} sidecar in {@code sha256sum} format (so {@code sha256sum -c} checks a
 * directory by hand), and {@code tmp/} for writes in progress. Stateless helpers.
 */
final class ShardFiles {

    static final String SIDECAR = ".sha256";
    private static final int BUFFER = 64 << 10;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private ShardFiles() {
    }

    static Path shardsDir(Path root) {
        return root.resolve("shards");
    }

    static Path tmpDir(Path root) {
        return root.resolve("tmp");
    }

    static Path data(Path root, String shard) {
        return shardsDir(root).resolve(shard.substring(0, 2)).resolve(shard);
    }

    static Path sidecar(Path root, String shard) {
        return data(root, shard).resolveSibling(shard + SIDECAR);
    }

    static String sidecarText(String shard, byte[] sha256) {
        return HexFormat.of().formatHex(sha256) + "  " + shard + "\n";
    }

    /** @return the recorded checksum, empty when there is no sidecar */
    static Optional<byte[]> readSidecar(Path root, String shard) throws IOException {
        Path p = sidecar(root, shard);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        String text = Files.readString(p, StandardCharsets.US_ASCII).trim();
        int space = text.indexOf(' ');
        String hex = space < 0 ? text : text.substring(0, space);
        if (hex.length() != 64) {
            throw new CorruptShardException("checksum file " + p + " does not hold a SHA-256");
        }
        try {
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new CorruptShardException("checksum file " + p + " does not hold a SHA-256");
        }
    }

    /** @return the SHA-256 of a file, read in small pieces */
    static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            while (c.read(buffer.clear()) >= 0) {
                digest.update(buffer.flip());
            }
        }
        return digest.digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Creates a small file (it must not exist) with {@code attributes}, writes it in full and forces it to the disk. */
    static void writeDurably(Path file, String text, FileAttribute<?>... attributes) throws IOException {
        try (FileChannel c = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
    }

    /**
     * Forces a directory's entries (a rename or deletion in it) to the disk. File systems that
     * cannot open directories (Windows) are skipped; elsewhere a failure is an error.
     */
    static void syncDirectory(Path dir) throws IOException {
        if (!POSIX) {
            return;
        }
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
