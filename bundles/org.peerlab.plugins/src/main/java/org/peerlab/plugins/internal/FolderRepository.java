package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A p2 repository in a folder. */
final class FolderRepository implements RepositoryFiles {

    private final Path root;

    FolderRepository(Path root) {
        this.root = root;
    }

    /** @return whether {@code folder} looks like a p2 repository (it has {@code plugins/} or {@code features/}) */
    static boolean isRepository(Path folder) {
        return Files.isDirectory(folder.resolve(Folder.PLUGINS.path)) || Files.isDirectory(folder.resolve(Folder.FEATURES.path));
    }

    @Override
    public List<Entry> list(Folder folder) throws IOException {
        Path dir = root.resolve(folder.path);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> new Entry(folder, p.getFileName().toString(), Files.isDirectory(p)))
                    .sorted(Comparator.comparing(Entry::name)).toList();
        }
    }

    @Override
    public InputStream open(Entry entry, String relative) throws IOException {
        Path p = root.resolve(entry.folder().path).resolve(entry.name());
        return Files.newInputStream(relative == null ? p : p.resolve(relative));
    }

    @Override
    public String shown(Entry entry) {
        return root.resolve(entry.folder().path).resolve(entry.name()).toString();
    }
}
