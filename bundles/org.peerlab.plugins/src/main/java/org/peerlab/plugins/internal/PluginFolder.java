package org.peerlab.plugins.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.peerlab.plugins.PluginException;

/**
 * The plugins folder: {@value PluginIndex#FILE}, one sub-folder of bundle jars per installed
 * plugin (named after it), {@code .staging-*} folders while an install runs, and the
 * {@code .lock} file that makes processes take turns. Created on first use.
 */
final class PluginFolder {

    private static final System.Logger LOG = System.getLogger(PluginFolder.class.getName());

    private final Path root;

    PluginFolder(Path root) {
        this.root = root;
    }

    Path indexFile() {
        return root.resolve(PluginIndex.FILE);
    }

    /** @return the jar {@code file} of plugin {@code plugin} */
    Path jar(String plugin, String file) {
        return root.resolve(plugin).resolve(file);
    }

    /** The folder's lock file, locked; closing releases it. */
    record Lock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close the plugins folder's lock file: " + e.getMessage());
            }
        }
    }

    /** Waits for other processes' changes to finish and holds them off until closed. */
    Lock lock() throws PluginException {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
                return new Lock(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new PluginException("cannot lock the plugins folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return a new, empty staging folder on the same file system as the plugins' folders */
    Path createStaging() throws PluginException {
        try {
            return Files.createTempDirectory(root, ".staging-");
        } catch (IOException e) {
            throw new PluginException("cannot write to the plugins folder " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code staging} the folder of plugin {@code plugin}, replacing files an earlier,
     * removed install of that name left.
     *
     * @return the plugin's folder
     */
    Path commit(Path staging, String plugin) throws PluginException {
        Path target = root.resolve(plugin);
        deleteTree(target);
        try {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            throw new PluginException("cannot move the plugin's files to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Deletes the folder of plugin {@code plugin}, if any. */
    void deletePlugin(String plugin) throws PluginException {
        deleteTree(root.resolve(plugin));
    }

    static void deleteTree(Path top) throws PluginException {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> s = Files.walk(top)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new PluginException("cannot delete " + top + ": " + e.getMessage(), e);
        }
    }
}
