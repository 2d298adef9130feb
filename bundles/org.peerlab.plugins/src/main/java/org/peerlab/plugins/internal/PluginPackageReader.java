package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.internal.RepositoryFiles.Entry;
import org.peerlab.plugins.internal.RepositoryFiles.Folder;

/**
 * Reads a plugin source (a p2 repository folder, a zip of one, or a bundle jar) and copies the
 * plugin's bundle jars into a staging folder as {@code symbolic-name_version.jar}.
 *
 * <p>A repository holds one plugin: the single feature in {@code features/} names it and lists
 * its bundles, which must all be in {@code plugins/}; jars the feature does not list are ignored.
 * A repository without a feature may hold a single bundle, which then names the plugin.
 * Stateless.
 */
public final class PluginPackageReader {

    private PluginPackageReader() {
    }

    /**
     * @param source  the path the user gave
     * @param staging an empty, existing folder that receives the bundle jars
     * @return the plugin, its bundles pointing into {@code staging}
     * @throws PluginException naming the problem and the file concerned
     */
    public static PluginPackage read(Path source, Path staging) throws PluginException {
        Path path = source.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            if (!FolderRepository.isRepository(path)) {
                throw new PluginException(path + " is a folder but not a p2 repository: it has no plugins/ or features/ folder");
            }
            return fromRepository(new FolderRepository(path), path, staging);
        }
        if (!Files.exists(path)) {
            throw new PluginException("no such file or folder: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new PluginException(path + " is not a jar, a zip or a folder");
        }
        boolean bundle;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            bundle = hasSymbolicName(zip);
            if (!bundle) {
                ZipRepository repository = ZipRepository.open(zip, path);
                if (repository != null) {
                    return fromRepository(repository, path, staging);
                }
            }
        } catch (ZipException e) {
            throw new PluginException(path + " is not a jar, a zip or a folder (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PluginException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (!bundle) {
            throw new PluginException(path.getFileName().toString().endsWith(".jar")
                    ? path + " has no Bundle-SymbolicName in its manifest: it is not an OSGi bundle"
                    : path + " is neither a p2 repository zip (it has no plugins/ or features/ folder) nor a bundle jar");
        }
        BundleFile b = stage(path, staging, path.toString());
        return new PluginPackage(PluginPackage.checkName(b.symbolicName(), path.toString()), b.version(), path, List.of(b));
    }

    private static boolean hasSymbolicName(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry("META-INF/MANIFEST.MF");
        if (e == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(e)) {
            java.util.jar.Manifest m = new java.util.jar.Manifest(in);
            return m.getMainAttributes().getValue("Bundle-SymbolicName") != null;
        }
    }

    private static PluginPackage fromRepository(RepositoryFiles repo, Path source, Path staging) throws PluginException {
        List<FeatureDescription> features = new ArrayList<>();
        List<BundleFile> bundles = new ArrayList<>();
        try {
            for (Entry e : repo.list(Folder.FEATURES)) {
                if (e.directory()) {
                    try (InputStream in = repo.open(e, "feature.xml")) {
                        features.add(FeatureDescription.parse(in, repo.shown(e) + "/feature.xml"));
                    } catch (NoSuchFileException ignored) {
                        // not a feature folder
                    }
                } else if (e.name().endsWith(".jar")) {
                    features.add(featureOfJar(repo, e));
                }
            }
            int n = 0;
            for (Entry e : repo.list(Folder.PLUGINS)) {
                if (e.directory()) {
                    throw new PluginException(repo.shown(e) + " is an unpacked bundle folder; PeerLab installs bundle jars only");
                }
                if (!e.name().endsWith(".jar")) {
                    continue;
                }
                Path copy = staging.resolve("incoming-" + n++ + ".jar");
                try (InputStream in = repo.open(e, null)) {
                    Files.copy(in, copy);
                }
                bundles.add(BundleFile.read(copy, repo.shown(e)));
            }
        } catch (IOException e) {
            throw new PluginException("cannot read the p2 repository " + source + ": " + e.getMessage(), e);
        }
        if (bundles.isEmpty()) {
            throw new PluginException("no bundles in the p2 repository " + source + " (its plugins/ folder has no jars)");
        }
        String name;
        String version;
        List<BundleFile> chosen;
        if (features.isEmpty()) {
            if (bundles.size() > 1) {
                throw new PluginException("the p2 repository " + source + " has " + bundles.size()
                        + " bundles but no feature to name the plugin and list its bundles");
            }
            chosen = bundles;
            name = bundles.get(0).symbolicName();
            version = bundles.get(0).version();
        } else if (features.size() > 1) {
            throw new PluginException("the p2 repository " + source + " has " + features.size() + " features ("
                    + String.join(", ", features.stream().map(FeatureDescription::id).toList())
                    + "); a plugin is one feature, so give a repository with one");
        } else {
            FeatureDescription f = features.get(0);
            name = f.id();
            version = f.version();
            chosen = select(f, bundles, source);
        }
        List<BundleFile> staged = new ArrayList<>();
        for (BundleFile b : bundles) {
            if (chosen.contains(b)) {
                staged.add(rename(b, staging));
            } else {
                delete(b.file());
            }
        }
        staged.sort(Comparator.comparing(BundleFile::symbolicName));
        return new PluginPackage(PluginPackage.checkName(name, source.toString()), version, source, staged);
    }

    private static FeatureDescription featureOfJar(RepositoryFiles repo, Entry e) throws IOException, PluginException {
        try (JarInputStream jar = new JarInputStream(repo.open(e, null))) {
            for (ZipEntry z = jar.getNextEntry(); z != null; z = jar.getNextEntry()) {
                if (z.getName().equals("feature.xml")) {
                    return FeatureDescription.parse(jar, repo.shown(e) + "!/feature.xml");
                }
            }
        } catch (ZipException ex) {
            throw new PluginException(repo.shown(e) + " is not a jar (" + ex.getMessage() + ")", ex);
        }
        throw new PluginException(repo.shown(e) + " has no feature.xml: it is not a feature jar");
    }

    private static List<BundleFile> select(FeatureDescription f, List<BundleFile> bundles, Path source) throws PluginException {
        if (f.plugins().isEmpty()) {
            throw new PluginException("feature " + f.id() + " in " + source + " includes no bundles");
        }
        List<BundleFile> chosen = new ArrayList<>();
        for (FeatureDescription.Plugin p : f.plugins()) {
            BundleFile match = bundles.stream().filter(p::matches).findFirst().orElseThrow(() -> new PluginException(
                    "feature " + f.id() + " lists bundle " + p.id() + " " + p.version() + ", which the plugins/ folder of " + source + " lacks"));
            if (!chosen.contains(match)) {
                chosen.add(match);
            }
        }
        return chosen;
    }

    private static BundleFile stage(Path jar, Path staging, String shownAs) throws PluginException {
        Path copy = staging.resolve("incoming.jar");
        try {
            Files.copy(jar, copy);
        } catch (IOException e) {
            throw new PluginException("cannot copy " + jar + " to " + staging + ": " + e.getMessage(), e);
        }
        return rename(BundleFile.read(copy, shownAs), staging);
    }

    private static BundleFile rename(BundleFile b, Path staging) throws PluginException {
        String fileName = (b.symbolicName() + "_" + b.version()).replaceAll("[^A-Za-z0-9._-]", "_") + ".jar";
        Path target = staging.resolve(fileName);
        try {
            if (Files.exists(target)) {
                throw new PluginException("the plugin has two jars of bundle " + b.label());
            }
            Files.move(b.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PluginException("cannot stage bundle " + b.label() + " in " + staging + ": " + e.getMessage(), e);
        }
        return new BundleFile(b.symbolicName(), b.version(), b.fragment(), b.declaredStrategies(), b.components(), target);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the caller deletes the whole staging folder in the end
        }
    }
}
