package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.peerlab.storage.node.CorruptShardException;
import org.peerlab.storage.node.QuotaExceededException;
import org.peerlab.storage.node.ShardNames;
import org.peerlab.storage.node.ShardStore;

/**
 * Shards in a node's data directory (layout in {@link ShardFiles}). A write goes to {@code tmp/},
 * is checked and forced to the disk, then renamed into place atomically with its checksum beside
 * it and the directory forced too; so after a crash a shard is either whole or absent. Opening
 * the store removes unfinished writes and counts what is stored. Every read and write streams:
 * memory use does not grow with shard size. One process at a time: the store holds a lock on
 * {@code <data>/lock} until closed. Thread-safe.
 */
public final class DiskShardStore implements ShardStore, AutoCloseable {

    /**
     * What opening the store found.
     *
     * @param removedTemporaries unfinished writes removed from {@code tmp/}
     * @param restoredChecksums  shards renamed into place just before a crash, whose checksum file was missing and is now recomputed
     * @param removedOrphans     checksum files without their shard, removed
     */
    public record Startup(int removedTemporaries, int restoredChecksums, int removedOrphans) {
    }

    /** The outcome of {@link #verify}: {@code problem} is empty when the shard matches its checksum. */
    public record Verification(String shard, boolean intact, String problem) {
    }

    private final Path root;
    private final long quota;
    private final Startup startup;
    /** Shards that failed {@link #verify}: never served as good until stored again. */
    private final Set<String> corrupt = ConcurrentHashMap.newKeySet();
    private long used;
    private long reserved;
    private long count;
    private final FileChannel lockFile;
    private final FileLock lock;

    private DiskShardStore(Path root, long quota) throws IOException {
        this.root = root;
        this.quota = quota;
        Files.createDirectories(root);
        lockFile = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            lockFile.close();
            throw new IOException("another storage node is using " + root + " (it holds " + root.resolve("lock") + ")");
        }
        lock = held;
        try {
            StoreRecovery.Result r = StoreRecovery.run(root);
            startup = r.startup();
            used = r.used();
            count = r.count();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens (creating where needed) the store in {@code dataDir}.
     *
     * @param quota the most bytes of shards to hold, positive
     * @throws IOException if the directory cannot be created, read or cleaned
     */
    public static DiskShardStore open(Path dataDir, long quota) throws IOException {
        if (quota <= 0) {
            throw new IllegalArgumentException("the quota must be positive, got " + quota);
        }
        return new DiskShardStore(dataDir, quota);
    }

    /** @return what opening the store cleaned up */
    public Startup startup() {
        return startup;
    }

    /** @return the data directory */
    public Path root() {
        return root;
    }

    @Override
    public Writer begin(String shard, long length) throws IOException {
        ShardNames.check(shard);
        if (length < 0) {
            throw new IllegalArgumentException("a shard cannot have " + length + " bytes");
        }
        synchronized (this) {
            long free = free();
            if (length > free) {
                throw new QuotaExceededException(free + " of this node's " + quota + " bytes are free (" + used + " stored, " + reserved
                        + " reserved for uploads in progress), the shard needs " + length);
            }
            // what other uploads have reserved may not be written yet: count it as taken (an over-estimate)
            long disk = Files.getFileStore(ShardFiles.tmpDir(root)).getUsableSpace();
            if (length > disk - reserved) {
                throw new QuotaExceededException("the disk holding " + root + " has only " + disk + " bytes free, the shard needs " + length);
            }
            reserved += length;
        }
        try {
            return new DiskShardWriter(this, shard, length);
        } catch (IOException | RuntimeException e) {
            release(length);
            throw e;
        }
    }

    /**
     * @throws CorruptShardException if the shard failed {@link #verify} (it is not served as good)
     */
    @Override
    public Optional<Reader> open(String shard) throws IOException {
        if (!ShardNames.valid(shard)) {
            return Optional.empty();
        }
        if (corrupt.contains(shard)) {
            throw new CorruptShardException("shard " + shard + " does not match its recorded SHA-256");
        }
        FileChannel c;
        try {
            c = FileChannel.open(ShardFiles.data(root, shard), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new DiskShardReader(shard, c));
    }

    @Override
    public boolean delete(String shard) throws IOException {
        if (!ShardNames.valid(shard)) {
            return false;
        }
        Path data = ShardFiles.data(root, shard);
        synchronized (this) {
            long size;
            try {
                size = Files.size(data);
            } catch (NoSuchFileException e) {
                Files.deleteIfExists(ShardFiles.sidecar(root, shard));
                return false;
            }
            Files.delete(data);
            used -= size;
            count--;
        }
        Files.deleteIfExists(ShardFiles.sidecar(root, shard));
        corrupt.remove(shard);
        ShardFiles.syncDirectory(data.getParent());
        return true;
    }

    /**
     * Reads the whole shard again and compares it with its recorded checksum. A shard that does
     * not match is reported and from then on refused to readers ({@link #open} throws
     * {@link CorruptShardException}) until it is stored again or deleted.
     *
     * @throws IOException if the shard cannot be read at all
     */
    public Verification verify(String shard) throws IOException {
        Path data = ShardFiles.data(root, ShardNames.check(shard));
        if (!Files.exists(data)) {
            return new Verification(shard, false, "shard " + shard + " not found");
        }
        Optional<byte[]> recorded;
        try {
            recorded = ShardFiles.readSidecar(root, shard);
        } catch (CorruptShardException e) {
            corrupt.add(shard);
            return new Verification(shard, false, e.getMessage());
        }
        if (recorded.isEmpty()) {
            corrupt.add(shard);
            return new Verification(shard, false, "shard " + shard + " has no recorded checksum");
        }
        byte[] actual = ShardFiles.sha256(data);
        if (!MessageDigest.isEqual(actual, recorded.get())) {
            corrupt.add(shard);
            return new Verification(shard, false, "shard " + shard + " has SHA-256 " + HexFormat.of().formatHex(actual) + ", recorded "
                    + HexFormat.of().formatHex(recorded.get()));
        }
        corrupt.remove(shard);
        return new Verification(shard, true, "");
    }

    @Override
    public long quota() {
        return quota;
    }

    @Override
    public synchronized long used() {
        return used;
    }

    @Override
    public synchronized long free() {
        return Math.max(0, quota - used - reserved);
    }

    @Override
    public synchronized long count() {
        return count;
    }

    /** @return bytes reserved by writes in progress */
    public synchronized long reserved() {
        return reserved;
    }

    @Override
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ShardFiles.shardsDir(root), Files::isDirectory)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (ShardNames.valid(name)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** A committed shard of {@code bytes} disappeared (a failed replacement took it out). */
    synchronized void lost(long bytes) {
        used -= bytes;
        count--;
    }

    synchronized void release(long length) {
        reserved -= length;
    }

    /** A committed write: the reservation becomes stored bytes, replacing {@code replaced} bytes of an older copy (-1: none). */
    synchronized void committed(String shard, long length, long replaced) {
        reserved -= length;
        used += length - Math.max(0, replaced);
        if (replaced < 0) {
            count++;
        }
        corrupt.remove(shard);
    }

    /** Releases the data directory's lock; writes still in progress are left for the next start to remove. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockFile.close();
        }
    }
}
