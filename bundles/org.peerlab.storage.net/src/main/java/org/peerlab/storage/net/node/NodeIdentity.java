package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.storage.node.NodeCore;

/**
 * A node's identity in its data directory: {@value #KEY_FILE} holds its signing key pair
 * (created at the first start, mode 600; the node id derives from the public key) and
 * {@value #COORDINATOR_FILE} the coordinator key pinned at the first registration. Both are
 * small text files ({@code name value} lines, keys in Base64) written atomically.
 */
public final class NodeIdentity {

    public static final String KEY_FILE = "node.key";
    public static final String COORDINATOR_FILE = "coordinator.pub";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;
    private final String scheme;
    private final SigningKeyPair keys;
    private final boolean created;
    private byte[] coordinatorKey;

    private NodeIdentity(Path dir, String scheme, SigningKeyPair keys, boolean created, byte[] coordinatorKey) {
        this.dir = dir;
        this.scheme = scheme;
        this.keys = keys;
        this.created = created;
        this.coordinatorKey = coordinatorKey;
    }

    /**
     * Loads the identity in {@code dataDir}, creating the key pair on first use.
     *
     * @throws IOException naming the file when a key file is unreadable, malformed, of another
     *                     signature scheme, or readable by other users
     */
    public static synchronized NodeIdentity load(Path dataDir, SignatureScheme signature) throws IOException {
        String name = signature.descriptor().name();
        Path keyFile = dataDir.resolve(KEY_FILE);
        SigningKeyPair keys;
        boolean created = !Files.exists(keyFile);
        if (created) {
            keys = signature.generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            byte[] secret = keys.privateKey().bytes();
            try {
                write(keyFile, "# PeerLab storage node key: this node's identity. Keep it secret; losing it orphans the node's shards.\n"
                        + "scheme " + name + "\npublic " + b64.encodeToString(keys.publicKey()) + "\nprivate " + b64.encodeToString(secret) + "\n");
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } else {
            if (POSIX) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
                if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    throw new IOException(keyFile + " is accessible to other users (mode " + PosixFilePermissions.toString(mode)
                            + "); make it private with: chmod 600 " + keyFile);
                }
            }
            Map<String, String> f = read(keyFile, name, List.of("public", "private"));
            keys = new SigningKeyPair(decode(keyFile, "public", f.get("public")), Secret.adopt(decode(keyFile, "private", f.get("private"))));
        }
        if (keys.publicKey().length != signature.publicKeyLength()) {
            throw new IOException(keyFile + ": the public key has " + keys.publicKey().length + " bytes, " + name + " keys have "
                    + signature.publicKeyLength());
        }
        Path pinFile = dataDir.resolve(COORDINATOR_FILE);
        byte[] pinned = null;
        if (Files.exists(pinFile)) {
            pinned = decode(pinFile, "public", read(pinFile, name, List.of("public")).get("public"));
        }
        return new NodeIdentity(dataDir, name, keys, created, pinned);
    }

    /** @return the node's key pair */
    public SigningKeyPair keys() {
        return keys;
    }

    /** @return the node id the coordinator derives from the public key */
    public String nodeId() {
        return NodeCore.nodeId(keys.publicKey());
    }

    /** @return whether {@link #load} created the key pair just now */
    public boolean created() {
        return created;
    }

    /** @return the pinned coordinator key, empty before the first registration */
    public synchronized Optional<byte[]> coordinatorKey() {
        return Optional.ofNullable(coordinatorKey).map(byte[]::clone);
    }

    /** @return the file holding the pinned coordinator key */
    public Path coordinatorFile() {
        return dir.resolve(COORDINATOR_FILE);
    }

    /**
     * Records the coordinator's key durably.
     *
     * @throws IOException if it cannot be written, or a different key is already pinned
     */
    public synchronized void pinCoordinator(byte[] key) throws IOException {
        if (coordinatorKey != null) {
            if (!Arrays.equals(coordinatorKey, key)) {
                throw new IOException("a different coordinator key is already pinned in " + coordinatorFile());
            }
            return;
        }
        write(coordinatorFile(), "# The coordinator this node registered with first; it refuses any other. Delete this file to move the node"
                + " to a new coordinator (its shards then belong to no one).\nscheme " + scheme + "\npublic "
                + Base64.getEncoder().encodeToString(key) + "\n");
        coordinatorKey = key.clone();
    }

    private static Map<String, String> read(Path file, String scheme, List<String> required) throws IOException {
        Map<String, String> values = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'name value', got '" + line + "'");
            }
            values.put(line.substring(0, space), line.substring(space + 1).strip());
        }
        if (!scheme.equals(values.get("scheme"))) {
            throw new IOException(file + " holds a key of scheme '" + values.get("scheme") + "', this node uses " + scheme);
        }
        for (String r : required) {
            if (!values.containsKey(r)) {
                throw new IOException(file + " has no '" + r + "' line");
            }
        }
        return values;
    }

    private static byte[] decode(Path file, String field, String base64) throws IOException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": '" + field + "' is not Base64", e);
        }
    }

    /** Writes a private file (mode 600 where supported) through a temporary and an atomic rename. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (POSIX) {
            ShardFiles.writeDurably(tmp, text, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            ShardFiles.writeDurably(tmp, text);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ShardFiles.syncDirectory(file.getParent());
    }
}
