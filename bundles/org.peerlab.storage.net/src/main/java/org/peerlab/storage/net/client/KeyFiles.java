package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.peerlab.core.config.UserFolders;
import org.peerlab.crypto.api.Secret;

/**
 * The random keys of files put without a password: one file per stored file,
 * {@code <config>/storage/keys/<file id>.key}, holding the key as lower-case hex on one line,
 * readable by the owner only (mode 600, in a folder of mode 700). Without it such a file cannot be
 * read: back the folder up, or copy a key file to the machine that runs {@code get}.
 */
final class KeyFiles {

    /** A file id: 32 lower-case hex characters. */
    static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{32}");

    private final Path folder;

    KeyFiles(Path folder) {
        this.folder = folder;
    }

    /** @return the user's key folder, {@code <config>/storage/keys} */
    static KeyFiles standard() {
        return new KeyFiles(UserFolders.config().resolve("storage").resolve("keys"));
    }

    Path path(String fileId) {
        if (!FILE_ID.matcher(fileId).matches()) {
            throw new IllegalArgumentException("'" + fileId + "' is not a file id (32 lower-case hex characters)");
        }
        return folder.resolve(fileId + ".key");
    }

    /** Writes the key durably (temporary file, fsync, rename), mode 600. */
    void write(String fileId, Secret key) throws IOException {
        Path target = path(fileId);
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = folder.resolve(fileId + ".key.tmp");
        byte[] raw = key.bytes();
        byte[] text = (HexFormat.of().formatHex(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(raw, (byte) 0);
        try {
            Files.deleteIfExists(tmp);
            try (var ch = Files.newByteChannel(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                ch.write(java.nio.ByteBuffer.wrap(text));
                ((java.nio.channels.FileChannel) ch).force(true);
            }
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a key for this file id already exists");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            java.util.Arrays.fill(text, (byte) 0);
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @return the key of a file put without a password
     * @throws NoSuchFileException if this machine has no key for it
     * @throws IOException if the key file cannot be read or is not a hex key
     */
    Secret read(String fileId) throws IOException {
        Path p = path(fileId);
        String text = Files.readString(p, StandardCharsets.US_ASCII).trim();
        try {
            return Secret.adopt(HexFormat.of().parseHex(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(p + " does not hold a hex key: " + e.getMessage());
        }
    }

    /** Removes a key (after a failed put). Missing keys are fine. */
    void delete(String fileId) {
        try {
            Files.deleteIfExists(path(fileId));
        } catch (IOException e) {
            // the put has failed already; a stale key file harms nothing
        }
    }
}
