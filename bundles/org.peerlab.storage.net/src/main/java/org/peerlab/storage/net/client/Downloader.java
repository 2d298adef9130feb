package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.storage.client.FileKey;
import org.peerlab.storage.client.SegmentException;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.client.SegmentOpener;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.StorageMessage.Location;

/**
 * One get: locate the file, derive or load its key, read k pieces per segment, decode and open
 * each segment (on a worker thread while the next segment's pieces arrive), write the plaintext
 * to a temporary file next to the target, fsync it, and give it the target's name only when
 * every segment has authenticated. On any failure the temporary file is removed: the target
 * never exists half-written.
 */
final class Downloader {

    private final ClientParts parts;
    private final ClientSettings settings;
    private final KeyFiles keys;
    private final StorageClient.Listener listener;

    Downloader(ClientParts parts, ClientSettings settings, KeyFiles keys, StorageClient.Listener listener) {
        this.parts = parts;
        this.settings = settings;
        this.keys = keys;
        this.listener = listener;
    }

    Path get(String fileId, Path out, Optional<Secret> password) throws StorageClientException {
        Path target = out.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageClientException("get failed: " + out + " exists already; remove it or choose another --out");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new StorageClientException("get failed: the folder of " + out + " does not exist");
        }
        Location location = new StorageClient(parts, settings, keys, listener).locate(fileId, "get");
        FileRecord record = location.record();
        Aead aead;
        ErasureCodec codec;
        SegmentLayout layout;
        try {
            aead = parts.aead(record.aead());
            JitWarmup.startFor(aead, record.size());
            codec = parts.codec(record);
            layout = SegmentLayout.of(record, aead.tagLength(), codec);
        } catch (IllegalArgumentException e) {
            throw new StorageClientException("get failed: file " + fileId + " cannot be read here: " + e.getMessage(), e);
        }
        if (location.placements().size() != record.n() || location.healthy().size() != record.n()) {
            throw new StorageClientException("get failed: the coordinator located " + location.placements().size() + " of the file's "
                    + record.n() + " shards");
        }
        Path temp = null;
        try (Secret key = key(record, aead, password);
                SegmentOpener opener = new SegmentOpener(record, layout, aead, key, codec, FileKey.usesPassword(record));
                PieceFetcher fetcher = new PieceFetcher(location.placements(), location.healthy(), layout, opener, listener)) {
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".part");
            fetcher.open(parts.tcp(), ClientSettings.CONNECT_MILLIS);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                write(fetcher, opener, layout, channel);
                channel.force(true);
            }
            publish(temp, target);
            temp = null;
            return target;
        } catch (SegmentException e) {
            throw new StorageClientException("get failed: " + e.getMessage() + "; nothing was written to " + out, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageClientException("get failed: " + e.getMessage() + "; nothing was written to " + out, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    listener.note("could not remove the temporary file " + temp + ": " + e.getMessage());
                }
            }
        }
    }

    private Secret key(FileRecord record, Aead aead, Optional<Secret> password) throws StorageClientException {
        String id = record.fileId();
        if (FileKey.usesPassword(record)) {
            if (password.isEmpty()) {
                throw new StorageClientException("get failed: file " + id + " is protected by a password: pass --password-file FILE");
            }
            try {
                return FileKey.forRecord(record, parts.kdf(record.kdf()), password.get(), aead.keyLength());
            } catch (IllegalArgumentException e) {
                throw new StorageClientException("get failed: " + e.getMessage(), e);
            }
        }
        if (password.isPresent()) {
            listener.note("file " + id + " was stored with a random key, not a password: the password file is not used");
        }
        try {
            return keys.read(id);
        } catch (NoSuchFileException e) {
            throw new StorageClientException("get failed: file " + id + " was stored with a random key, and this machine has no key for it ("
                    + keys.path(id) + "); copy that key file from the machine that stored the file");
        } catch (IOException e) {
            throw new StorageClientException("get failed: cannot read the key of file " + id + ": " + e.getMessage(), e);
        }
    }

    /** Fetches segment s + 1 while a worker opens and writes segment s. */
    private void write(PieceFetcher fetcher, SegmentOpener opener, SegmentLayout layout, FileChannel channel)
            throws IOException, SegmentException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "peerlab-storage-open");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> previous = null;
            for (long s = 0; s < layout.segments(); s++) {
                Map<Integer, byte[]> pieces = fetcher.fetch(s);
                await(previous);
                long segment = s;
                previous = worker.submit(() -> {
                    byte[] plain = opener.openMatched(segment, pieces);
                    ByteBuffer b = ByteBuffer.wrap(plain);
                    long at = layout.plaintextOffset(segment);
                    while (b.hasRemaining()) {
                        channel.write(b, at + b.position());
                    }
                    listener.progress(at + plain.length, layout.size());
                    return null;
                });
            }
            await(previous);
        } finally {
            worker.shutdownNow();
        }
    }

    private static void await(Future<?> f) throws IOException, SegmentException {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case SegmentException s -> throw s;
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Gives the finished file its name without ever replacing an existing file, then syncs the folder. */
    private static void publish(Path temp, Path target) throws IOException {
        boolean linked;
        try {
            Files.createLink(target, temp);
            linked = true;
        } catch (FileAlreadyExistsException e) {
            throw new IOException(target + " appeared while the file was being read; the copy was not kept");
        } catch (UnsupportedOperationException | IOException e) {
            // no hard links here: a rename, which the check at the start keeps from replacing anything but a racing file
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            linked = false;
        }
        if (linked) {
            try {
                Files.delete(temp);
            } catch (IOException e) {
                // the target is complete; the caller removes the leftover name
            }
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the file itself is synced
        }
    }
}
