package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/**
 * The coordinator's signing key pair, {@code <data>/coordinator.key} (mode 600): made on the first
 * start, read on every later one, so that nodes which pinned the coordinator's key keep trusting
 * it. Three lines, {@code scheme=NAME}, {@code public=HEX}, {@code private=HEX}. Written to a
 * temporary file created with mode 600 and renamed into place, so a crash never leaves half a key.
 */
public final class CoordinatorKeyFile {

    /** The key file's name in the data directory. */
    public static final String FILE = "coordinator.key";

    private CoordinatorKeyFile() {
    }

    /**
     * @return the key pair in {@code dataDir}, made with {@code scheme} if there is none yet
     * @throws IOException if the file cannot be read or written, or is for another scheme or malformed (the message says which)
     */
    public static SigningKeyPair loadOrCreate(Path dataDir, SignatureScheme scheme) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return load(file, scheme);
        }
        SigningKeyPair pair = scheme.generateKeyPair();
        byte[] priv = pair.privateKey().bytes();
        String text = "scheme=" + scheme.descriptor().name() + "\npublic=" + HexFormat.of().formatHex(pair.publicKey()) + "\nprivate="
                + HexFormat.of().formatHex(priv) + "\n";
        java.util.Arrays.fill(priv, (byte) 0);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system: the directory's protection has to do
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            return load(file, scheme); // another process made it first
        }
        return pair;
    }

    private static SigningKeyPair load(Path file, SignatureScheme scheme) throws IOException {
        Map<String, String> v = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                v.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        String name = scheme.descriptor().name();
        if (!name.equals(v.get("scheme"))) {
            throw new IOException(file + " holds a key of signature scheme '" + v.get("scheme") + "', the configuration says '" + name
                    + "'; keep the scheme, or move the key file (and every node's pinned coordinator key) away");
        }
        try {
            byte[] pub = HexFormat.of().parseHex(v.getOrDefault("public", ""));
            byte[] priv = HexFormat.of().parseHex(v.getOrDefault("private", ""));
            if (pub.length != scheme.publicKeyLength() || priv.length == 0) {
                throw new IOException(file + " is damaged: a public key of " + pub.length + " bytes and a private key of " + priv.length);
            }
            SigningKeyPair pair = new SigningKeyPair(pub, Secret.adopt(priv));
            byte[] probe = "peerlab coordinator key check".getBytes(StandardCharsets.UTF_8);
            if (!scheme.verify(pub, probe, scheme.sign(pair.privateKey(), probe))) {
                throw new IOException(file + " is damaged: its private key does not match its public key");
            }
            return pair;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
    }
}
