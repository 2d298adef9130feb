package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.peerlab.storage.node.ShardNames;

/**
 * What {@link DiskShardStore} does when it opens a data directory (under its lock): removes the
 * files of writes that never finished from {@code tmp/}, completes a commit cut short between the
 * shard's rename and its checksum file's (the shard was checked before its rename, so its
 * checksum is recomputed), removes checksum files whose shard is gone, and counts what is stored.
 */
final class StoreRecovery {

    /**
     * @param startup what was cleaned up
     * @param used    bytes of stored shards
     * @param count   stored shards
     */
    record Result(DiskShardStore.Startup startup, long used, long count) {
    }

    private StoreRecovery() {
    }

    static Result run(Path root) throws IOException {
        Files.createDirectories(ShardFiles.shardsDir(root));
        Files.createDirectories(ShardFiles.tmpDir(root));
        int temporaries = 0;
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(ShardFiles.tmpDir(root))) {
            for (Path p : tmp) {
                Files.delete(p);
                temporaries++;
            }
        }
        int restored = 0;
        int orphans = 0;
        long used = 0;
        long count = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ShardFiles.shardsDir(root), Files::isDirectory)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(ShardFiles.SIDECAR)) {
                            String shard = name.substring(0, name.length() - ShardFiles.SIDECAR.length());
                            if (ShardNames.valid(shard) && !Files.exists(f.resolveSibling(shard))) {
                                Files.delete(f);
                                orphans++;
                            }
                        } else if (ShardNames.valid(name) && Files.isRegularFile(f)) {
                            used += Files.size(f);
                            count++;
                            if (!Files.exists(ShardFiles.sidecar(root, name))) {
                                Path tmp = ShardFiles.tmpDir(root).resolve(name + ShardFiles.SIDECAR);
                                ShardFiles.writeDurably(tmp, ShardFiles.sidecarText(name, ShardFiles.sha256(f)));
                                Files.move(tmp, ShardFiles.sidecar(root, name), StandardCopyOption.ATOMIC_MOVE);
                                restored++;
                            }
                        }
                    }
                }
                ShardFiles.syncDirectory(dir);
            }
        }
        return new Result(new DiskShardStore.Startup(temporaries, restored, orphans), used, count);
    }
}
