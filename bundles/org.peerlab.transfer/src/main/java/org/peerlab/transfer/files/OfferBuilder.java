package org.peerlab.transfer.files;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.peerlab.protocol.transfer.FileEntry;
import org.peerlab.protocol.transfer.FileSource;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.Merkle;

/**
 * Builds the offer for files and folders: a file is offered under its own name, a folder's
 * regular files under the folder's name and their relative path (symbolic links are not
 * followed and are left out). Reads every file once to hash its pieces.
 */
public final class OfferBuilder {

    /**
     * An offer with the paths its entries come from.
     *
     * @param manifest the manifest
     * @param files    the local file of each entry, in manifest order
     * @param skipped  what was left out and why
     */
    public record Offer(Manifest manifest, List<Path> files, List<String> skipped, long[] modified) {

        /**
         * @return a new source reading the offered files, failing if one changed since it was
         *         hashed; it keeps the file it reads open until closed
         */
        public FileSource source() {
            return new PathSource(files, modified);
        }
    }

    private OfferBuilder() {
    }

    /**
     * @param hashedBytes told of every piece hashed, for progress
     * @throws IOException if a path is missing or unreadable, or two files would get the same name
     */
    public static Offer build(List<Path> paths, int pieceSize, LongConsumer hashedBytes) throws IOException {
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
            String base = abs.getFileName() == null ? "root" : abs.getFileName().toString();
            if (Files.isDirectory(abs)) {
                try (Stream<Path> walk = Files.walk(abs, new FileVisitOption[0])) {
                    for (Path f : walk.sorted().toList()) {
                        if (Files.isSymbolicLink(f)) {
                            skipped.add(f + ": symbolic link, not followed");
                        } else if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                            names.add(base + "/" + abs.relativize(f).toString().replace(java.io.File.separatorChar, '/'));
                            files.add(f);
                        } else if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                            skipped.add(f + ": not a regular file");
                        }
                    }
                }
            } else if (Files.isRegularFile(abs)) {
                names.add(base);
                files.add(abs);
            } else {
                throw new IOException(p + ": not a regular file or folder");
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IOException("two offered files would both be named " + n + "; offer them from different folders");
            }
        }
        List<FileEntry> entries = new ArrayList<>();
        MessageDigest digest = Merkle.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(pieceSize);
        long[] modified = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            modified[i] = Files.getLastModifiedTime(files.get(i)).toMillis();
            entries.add(hash(names.get(i), files.get(i), digest, buffer, hashedBytes));
            if (Files.getLastModifiedTime(files.get(i)).toMillis() != modified[i]) {
                throw new IOException(files.get(i) + " changed while it was being hashed; send it when it is complete");
            }
        }
        return new Offer(new Manifest(pieceSize, entries), files, skipped, modified);
    }

    private static FileEntry hash(String name, Path file, MessageDigest digest, ByteBuffer buffer, LongConsumer progress) throws IOException {
        java.io.ByteArrayOutputStream hashes = new java.io.ByteArrayOutputStream();
        long size = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
                    // fill the piece
                }
                if (buffer.position() == 0) {
                    break;
                }
                hashes.writeBytes(Merkle.leaf(digest, buffer.array(), 0, buffer.position()));
                size += buffer.position();
                progress.accept(buffer.position());
                if (buffer.hasRemaining()) {
                    break;
                }
            }
        }
        byte[] h = hashes.toByteArray();
        return new FileEntry(name, size, Merkle.root(h), h);
    }

    /** Reads offered files; keeps the current one open. */
    private static final class PathSource implements FileSource {
        private final List<Path> files;
        private final long[] modified;
        private int open = -1;
        private FileChannel channel;

        PathSource(List<Path> files, long[] modified) {
            this.files = files;
            this.modified = modified;
        }

        @Override
        public void read(int file, long offset, byte[] buffer, int length) throws IOException {
            if (open != file) {
                if (channel != null) {
                    channel.close();
                }
                channel = FileChannel.open(files.get(file), StandardOpenOption.READ);
                open = file;
            }
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, length);
            long pos = offset;
            while (b.hasRemaining()) {
                int n = channel.read(b, pos);
                if (n < 0) {
                    throw new EOFException(files.get(file) + " became shorter since it was offered");
                }
                pos += n;
            }
            if (Files.getLastModifiedTime(files.get(file)).toMillis() != modified[file]) {
                throw new IOException(files.get(file) + " changed since it was offered; send it again");
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                FileChannel c = channel;
                channel = null;
                open = -1;
                c.close();
            }
        }
    }
}
