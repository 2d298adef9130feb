package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.peerlab.storage.node.CorruptShardException;
import org.peerlab.storage.node.ShardStore;

/**
 * One shard being written to {@code tmp/}: bytes go straight to the file (page cache, no force)
 * and through SHA-256. {@link #commit} checks length and checksum, forces the file, renames it
 * and its checksum file into place and forces the directory. Any failure removes the temporary
 * files and releases the reservation.
 */
final class DiskShardWriter implements ShardStore.Writer {

    private final DiskShardStore store;
    private final String shard;
    private final long length;
    private final Path tmp;
    private final FileChannel channel;
    private final MessageDigest digest = ShardFiles.newDigest();
    private long written;
    private boolean spent;

    DiskShardWriter(DiskShardStore store, String shard, long length) throws IOException {
        this.store = store;
        this.shard = shard;
        this.length = length;
        this.tmp = ShardFiles.tmpDir(store.root()).resolve(shard + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void write(byte[] bytes, int offset, int n) throws IOException {
        if (spent) {
            throw new IllegalStateException("the write of shard " + shard + " is over");
        }
        if (n > length - written) {
            abort();
            throw new IOException("shard " + shard + " would pass its " + length + " bytes");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, offset, n);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            abort();
            throw e;
        }
        digest.update(bytes, offset, n);
        written += n;
    }

    @Override
    public void commit(byte[] expectedSha256) throws IOException {
        if (spent) {
            throw new IllegalStateException("the write of shard " + shard + " is over");
        }
        if (written != length) {
            abort();
            throw new CorruptShardException("it ended after " + written + " of its " + length + " bytes");
        }
        byte[] actual = digest.digest();
        if (!MessageDigest.isEqual(actual, expectedSha256)) {
            abort();
            throw new CorruptShardException("the received bytes have SHA-256 " + HexFormat.of().formatHex(actual) + ", the client announced "
                    + HexFormat.of().formatHex(expectedSha256));
        }
        Path root = store.root();
        Path data = ShardFiles.data(root, shard);
        Path sidecarTmp = tmp.resolveSibling(tmp.getFileName() + ShardFiles.SIDECAR);
        boolean moved = false;
        long replaced = -1;
        try {
            channel.force(true);
            channel.close();
            ShardFiles.writeDurably(sidecarTmp, ShardFiles.sidecarText(shard, actual));
            Path dir = data.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                ShardFiles.syncDirectory(dir.getParent());
            }
            replaced = size(data);
            Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            Files.move(sidecarTmp, ShardFiles.sidecar(root, shard), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ShardFiles.syncDirectory(dir);
            spent = true;
            store.committed(shard, length, replaced);
        } catch (IOException | RuntimeException e) {
            if (moved) {
                // the shard must not stay visible without its checksum: take it back out
                Files.deleteIfExists(data);
                Files.deleteIfExists(ShardFiles.sidecar(root, shard));
                if (replaced >= 0) {
                    store.lost(replaced); // the older copy was replaced by the rename
                }
            }
            Files.deleteIfExists(sidecarTmp);
            abort();
            throw e;
        }
    }

    private static long size(Path p) throws IOException {
        try {
            return Files.size(p);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    @Override
    public void abort() {
        if (spent) {
            return;
        }
        spent = true;
        try {
            channel.close();
        } catch (IOException e) {
            // the file is deleted next; nothing of it is kept
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // left for the cleanup of tmp/ at the next start
        }
        store.release(length);
    }
}
