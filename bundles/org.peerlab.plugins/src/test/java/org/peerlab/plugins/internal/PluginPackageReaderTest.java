package org.peerlab.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.plugins.PluginException;

class PluginPackageReaderTest {

    @TempDir
    Path tmp;

    private Path staging() throws IOException {
        return Files.createTempDirectory(tmp, "staging");
    }

    private String refusal(Path source) throws IOException {
        return assertThrows(PluginException.class, () -> PluginPackageReader.read(source, staging())).getMessage();
    }

    @Test
    void aRepositoryFolderIsNamedByItsFeatureAndBringsTheBundlesItLists() throws Exception {
        Path repo = TestJars.repository(tmp.resolve("repo"), "org.example.feature", "org.example.aead", "aead/x, aead/y");
        TestJars.bundle(repo.resolve("plugins/org.other_3.0.0.jar"), "org.other", "3.0.0", null); // not in the feature
        Path staging = staging();
        PluginPackage p = PluginPackageReader.read(repo, staging);
        assertEquals("org.example.feature", p.name());
        assertEquals("2.0.0", p.version());
        assertEquals(repo.toAbsolutePath(), p.source());
        assertEquals(1, p.bundles().size());
        BundleFile b = p.bundles().get(0);
        assertEquals("org.example.aead", b.symbolicName(), "directives are dropped");
        assertEquals(List.of("aead/x", "aead/y"), b.declaredStrategies());
        assertEquals(staging.resolve("org.example.aead_1.0.0.jar"), b.file());
        try (var files = Files.list(staging)) {
            assertEquals(List.of(b.file()), files.toList(), "jars the feature does not list are not kept");
        }
    }

    @Test
    void aZipOfARepositoryAtTheTopOrInOneFolderIsRead() throws Exception {
        Path repo = TestJars.repository(tmp.resolve("repo"), "org.example.feature", "org.example.aead", null);
        for (String prefix : new String[] { "", "repository/" }) {
            Path zip = TestJars.zip(repo, tmp.resolve("repo" + prefix.length() + ".zip"), prefix);
            PluginPackage p = PluginPackageReader.read(zip, staging());
            assertEquals("org.example.feature", p.name(), prefix);
            assertEquals("org.example.aead", p.bundles().get(0).symbolicName());
            assertTrue(Files.isRegularFile(p.bundles().get(0).file()));
        }
    }

    @Test
    void aBareJarIsNamedBySymbolicName() throws Exception {
        Path jar = TestJars.bundle(tmp.resolve("some-name.jar"), "org.example.solo", "1.2.3.v1", "kdf/k");
        PluginPackage p = PluginPackageReader.read(jar, staging());
        assertEquals("org.example.solo", p.name());
        assertEquals("1.2.3.v1", p.version());
        assertEquals("org.example.solo_1.2.3.v1.jar", p.bundles().get(0).file().getFileName().toString());
    }

    @Test
    void aRepositoryWithoutFeatureButOneBundleIsNamedByIt() throws Exception {
        Path dir = tmp.resolve("r");
        TestJars.bundle(dir.resolve("plugins/a.jar"), "org.example.a", "1.0.0", null);
        assertEquals("org.example.a", PluginPackageReader.read(dir, staging()).name());
    }

    @Test
    void sourcesThatAreNoPluginAreRefusedClearly() throws Exception {
        assertEquals("no such file or folder: " + tmp.resolve("missing"), refusal(tmp.resolve("missing")));
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertTrue(refusal(text).startsWith(text + " is not a jar, a zip or a folder"), refusal(text));
        Files.createDirectories(tmp.resolve("plain"));
        assertEquals(tmp.resolve("plain") + " is a folder but not a p2 repository: it has no plugins/ or features/ folder",
                refusal(tmp.resolve("plain")));
        Path noName = TestJars.bundle(tmp.resolve("lib.jar"), null, null, null);
        assertEquals(noName + " has no Bundle-SymbolicName in its manifest: it is not an OSGi bundle", refusal(noName));
        Path zip = TestJars.zip(tmp.resolve("plain"), tmp.resolve("other.zip"), "");
        assertTrue(refusal(zip).contains("neither a p2 repository zip"), refusal(zip));
    }

    @Test
    void repositoriesThatCannotBeOnePluginAreRefused() throws Exception {
        Path empty = tmp.resolve("empty");
        TestJars.feature(empty.resolve("features/f.jar"), "f", "1.0.0", "a:1.0.0");
        Files.createDirectories(empty.resolve("plugins"));
        assertEquals("no bundles in the p2 repository " + empty + " (its plugins/ folder has no jars)", refusal(empty));

        Path two = TestJars.repository(tmp.resolve("two"), "f1", "org.a", null);
        TestJars.feature(two.resolve("features/f2.jar"), "f2", "1.0.0", "org.a:0.0.0");
        assertTrue(refusal(two).contains("has 2 features (f1, f2)"), refusal(two));

        Path lacking = TestJars.repository(tmp.resolve("lacking"), "f", "org.a", null);
        TestJars.feature(lacking.resolve("features/f_2.0.0.jar"), "f", "2.0.0", "org.a:1.0.0", "org.b:1.0.0");
        assertEquals("feature f lists bundle org.b 1.0.0, which the plugins/ folder of " + lacking + " lacks", refusal(lacking));

        Path nameless = tmp.resolve("nameless");
        TestJars.bundle(nameless.resolve("plugins/a.jar"), "org.a", "1.0.0", null);
        TestJars.bundle(nameless.resolve("plugins/b.jar"), "org.b", "1.0.0", null);
        assertTrue(refusal(nameless).contains("has 2 bundles but no feature"), refusal(nameless));

        Path noBsn = TestJars.repository(tmp.resolve("nobsn"), "f", "org.a", null);
        TestJars.bundle(noBsn.resolve("plugins/lib.jar"), null, null, null);
        assertTrue(refusal(noBsn).endsWith("plugins/lib.jar has no Bundle-SymbolicName in its manifest: it is not an OSGi bundle"), refusal(noBsn));
    }

    @Test
    void malformedStrategyDeclarationsAreRefused() throws Exception {
        Path jar = TestJars.bundle(tmp.resolve("x.jar"), "org.x", "1.0.0", "aead/ok, AEAD/Bad");
        assertEquals(jar + ": PeerLab-Strategies entry 'AEAD/Bad' is not family/name (lower-case letters, digits and '-')", refusal(jar));
    }
}
