package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds bundle jars, feature jars, p2 repository folders and zips for the tests. */
final class TestJars {

    private TestJars() {
    }

    /** A bundle jar; {@code strategies} becomes the PeerLab-Strategies header unless null. */
    static Path bundle(Path file, String symbolicName, String version, String strategies) throws IOException {
        return bundle(file, symbolicName, version, strategies, false);
    }

    /** A bundle jar, with a Service-Component header when {@code components}. */
    static Path bundle(Path file, String symbolicName, String version, String strategies, boolean components) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
            a.putValue("Bundle-Version", version);
        }
        if (strategies != null) {
            a.putValue(BundleFile.STRATEGIES_HEADER, strategies);
        }
        if (components) {
            a.putValue("Service-Component", "OSGI-INF/*.xml");
        }
        Files.createDirectories(file.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), m)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("test bundle".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** A feature jar whose feature.xml lists {@code plugins} as "id:version". */
    static Path feature(Path file, String id, String version, String... plugins) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feature id=\"" + id + "\" version=\"" + version + "\">\n");
        for (String p : plugins) {
            String[] parts = p.split(":");
            xml.append("  <plugin id=\"").append(parts[0]).append("\" version=\"").append(parts[1]).append("\"/>\n");
        }
        xml.append("</feature>\n");
        Files.createDirectories(file.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("feature.xml"));
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** A p2 repository folder of one feature {@code id} with the bundle {@code bsn} providing {@code strategies}. */
    static Path repository(Path dir, String id, String bsn, String strategies) throws IOException {
        bundle(dir.resolve("plugins/" + bsn + "_1.0.0.jar"), bsn, "1.0.0", strategies);
        feature(dir.resolve("features/" + id + "_2.0.0.jar"), id, "2.0.0", bsn + ":1.0.0");
        Files.writeString(dir.resolve("artifacts.xml"), "<repository/>");
        return dir;
    }

    /** Zips {@code dir}'s content, under {@code prefix} (empty or ending in '/'). */
    static Path zip(Path dir, Path zipFile, String prefix) throws IOException {
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream out = new ZipOutputStream(os);
                Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(prefix + dir.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
            }
        }
        return zipFile;
    }
}
