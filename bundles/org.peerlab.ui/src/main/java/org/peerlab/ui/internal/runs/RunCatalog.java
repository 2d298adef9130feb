package org.peerlab.ui.internal.runs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs folder: one sub-folder per finished run, named {@code yyyyMMdd-HHmmss-name}. Folders
 * whose names start with a dot are runs still being written and are not listed. Stateless; safe
 * from any thread (the file system is the only state).
 */
public final class RunCatalog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    /** @param root the runs folder (need not exist yet) */
    public RunCatalog(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** @return every run, newest first; an absent runs folder has none */
    public List<RunEntry> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).map(RunEntry::of)
                    .sorted(Comparator.comparing(RunEntry::date).thenComparing(RunEntry::name).reversed()).toList();
        }
    }

    /**
     * @return a folder name for a run of {@code name} finishing at {@code time} that is not taken yet
     *         ({@code yyyyMMdd-HHmmss-name}, then {@code -2}, {@code -3}, ...)
     */
    public Path newFolder(String name, LocalDateTime time) {
        String base = STAMP.format(time) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path p = root.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = root.resolve(base + "-" + i);
        }
        return p;
    }

    /**
     * Deletes one run's folder and everything in it.
     *
     * @throws IllegalArgumentException when {@code run} is not a folder directly inside the runs folder
     * @throws IOException              when something cannot be deleted (what was deleted stays deleted)
     */
    public void delete(Path run) throws IOException {
        Path abs = run.toAbsolutePath().normalize();
        if (!root.toAbsolutePath().normalize().equals(abs.getParent()) || !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(run + " is not a run in " + root);
        }
        Files.walkFileTree(abs, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
