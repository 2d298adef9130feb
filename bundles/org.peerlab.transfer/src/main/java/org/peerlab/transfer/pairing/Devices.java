package org.peerlab.transfer.pairing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.peerlab.core.config.UserFolders;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.transfer.PeerIdentity;

/**
 * This device's identity and its paired devices, in a folder only the owner can read:
 * {@code $PEERLAB_CONFIG}, else {@code $XDG_CONFIG_HOME/peerlab}, else {@code ~/.config/peerlab}.
 * {@code identity} holds the scheme and the base64 public and private keys; {@code paired} one
 * line per device: peer id, scheme, base64 public key, last rendezvous address (or {@code -}),
 * date paired. Both are replaced atomically.
 */
public final class Devices {

    /** A paired device. */
    public record Paired(PeerIdentity identity, String rendezvous, String since) {
    }

    private final Path dir;

    public Devices(Path dir) {
        this.dir = dir;
    }

    /** @return the folder from the environment, as documented above */
    public static Path defaultFolder() {
        return UserFolders.config();
    }

    public Path folder() {
        return dir;
    }

    /** @return this device's key pair, created on first use */
    public synchronized SigningKeyPair identity(SignatureScheme scheme) throws IOException {
        Path file = dir.resolve("identity");
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 3 || !lines.get(0).equals(scheme.descriptor().name())) {
                throw new IOException(file + " is not a " + scheme.descriptor().name() + " identity; move it away to create a new identity");
            }
            try {
                return new SigningKeyPair(Base64.getDecoder().decode(lines.get(1)), Secret.adopt(Base64.getDecoder().decode(lines.get(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is damaged: " + e.getMessage());
            }
        }
        SigningKeyPair pair = scheme.generateKeyPair();
        byte[] priv = pair.privateKey().bytes();
        write(file, scheme.descriptor().name() + "\n" + Base64.getEncoder().encodeToString(pair.publicKey()) + "\n"
                + Base64.getEncoder().encodeToString(priv) + "\n");
        java.util.Arrays.fill(priv, (byte) 0);
        return pair;
    }

    /** @return the paired devices */
    public synchronized List<Paired> paired() throws IOException {
        Path file = dir.resolve("paired");
        List<Paired> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(" ");
            if (f.length >= 5) {
                try {
                    out.add(new Paired(new PeerIdentity(f[1], Base64.getDecoder().decode(f[2])), f[3].equals("-") ? null : f[3], f[4]));
                } catch (IllegalArgumentException e) {
                    // a damaged line is skipped; the others stay usable
                }
            }
        }
        return out;
    }

    /** @return the paired device with this peer id */
    public Optional<Paired> find(String peerId) throws IOException {
        return paired().stream().filter(p -> p.identity().peerId().equalsIgnoreCase(peerId)).findFirst();
    }

    /** Remembers (or refreshes) a paired device. */
    public synchronized void remember(PeerIdentity peer, String rendezvous) throws IOException {
        List<Paired> all = new ArrayList<>(paired());
        String since = all.stream().filter(p -> p.identity().equals(peer)).map(Paired::since).findFirst()
                .orElse(java.time.LocalDate.now().toString());
        all.removeIf(p -> p.identity().equals(peer));
        all.add(new Paired(peer, rendezvous, since));
        save(all);
    }

    /** @return whether a device with this peer id was forgotten */
    public synchronized boolean forget(String peerId) throws IOException {
        List<Paired> all = new ArrayList<>(paired());
        boolean removed = all.removeIf(p -> p.identity().peerId().equalsIgnoreCase(peerId));
        if (removed) {
            save(all);
        }
        return removed;
    }

    private void save(List<Paired> all) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Paired p : all) {
            s.append(p.identity().peerId()).append(' ').append(p.identity().scheme()).append(' ')
                    .append(Base64.getEncoder().encodeToString(p.identity().publicKey())).append(' ')
                    .append(p.rendezvous() == null ? "-" : p.rendezvous()).append(' ').append(p.since()).append('\n');
        }
        write(dir.resolve("paired"), s.toString());
    }

    private void write(Path file, String content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
