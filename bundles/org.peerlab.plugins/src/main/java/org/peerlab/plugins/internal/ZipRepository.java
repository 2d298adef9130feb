package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A p2 repository in a zip, at its top level or inside one top-level folder (as zips made of a
 * {@code repository/} folder are). Entry names are only ever looked up, never turned into paths,
 * so names with {@code ..} cannot escape anywhere.
 */
final class ZipRepository implements RepositoryFiles {

    private final ZipFile zip;
    private final Path source;
    private final String prefix;

    private ZipRepository(ZipFile zip, Path source, String prefix) {
        this.zip = zip;
        this.source = source;
        this.prefix = prefix;
    }

    /**
     * @return the repository in {@code zip}, or {@code null} if the zip has no {@code plugins/} or
     *         {@code features/} folder at its top level or in a single top-level folder
     */
    static ZipRepository open(ZipFile zip, Path source) {
        String top = null;
        boolean single = true;
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (name.startsWith("plugins/") || name.startsWith("features/")) {
                return new ZipRepository(zip, source, "");
            }
            int slash = name.indexOf('/');
            String first = slash < 0 ? null : name.substring(0, slash + 1);
            if (first == null || (top != null && !top.equals(first))) {
                single = false;
            } else {
                top = first;
            }
        }
        if (single && top != null) {
            String inner = top;
            boolean repository = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .anyMatch(n -> n.startsWith(inner + "plugins/") || n.startsWith(inner + "features/"));
            if (repository) {
                return new ZipRepository(zip, source, inner);
            }
        }
        return null;
    }

    @Override
    public List<Entry> list(Folder folder) {
        String dir = prefix + folder.path + "/";
        Map<String, Entry> found = new TreeMap<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (!name.startsWith(dir) || name.length() == dir.length()) {
                continue;
            }
            String rest = name.substring(dir.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                found.putIfAbsent(rest, new Entry(folder, rest, false));
            } else {
                found.put(rest.substring(0, slash), new Entry(folder, rest.substring(0, slash), true));
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Entry::name)).toList();
    }

    @Override
    public InputStream open(Entry entry, String relative) throws IOException {
        String name = prefix + entry.folder().path + "/" + entry.name() + (relative == null ? "" : "/" + relative);
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) {
            throw new IOException("no file " + name + " in " + source);
        }
        return zip.getInputStream(e);
    }

    @Override
    public String shown(Entry entry) {
        return prefix + entry.folder().path + "/" + entry.name() + " in " + source;
    }
}
