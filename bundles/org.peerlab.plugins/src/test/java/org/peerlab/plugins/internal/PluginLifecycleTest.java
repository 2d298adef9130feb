package org.peerlab.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.plugins.InstalledPlugin;
import org.peerlab.plugins.PluginException;

class PluginLifecycleTest {

    private static final String FEATURE = "org.example.etm.feature";
    private static final String BUNDLE = "org.example.etm";

    @TempDir
    Path tmp;

    private final FakeHost host = new FakeHost().product("org.peerlab.core").product("org.peerlab.crypto.jdk");

    private PluginLifecycle lifecycle(FakeHost h) {
        return new PluginLifecycle(tmp.resolve("config/plugins"), h, Set.of("org.peerlab.core.feature"), Duration.ofMillis(300));
    }

    private Path repository() throws Exception {
        return TestJars.repository(tmp.resolve("repo"), FEATURE, BUNDLE, "aead/etm");
    }

    /** Everything under the plugins folder except the lock and the index. */
    private List<String> pluginFiles() throws Exception {
        Path folder = tmp.resolve("config/plugins");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString())
                    .filter(n -> !n.equals(".lock") && !n.equals(PluginIndex.FILE)).sorted().toList();
        }
    }

    @Test
    void installStartsTheBundlesKeepsACopyAndRecordsTheStrategies() throws Exception {
        PluginLifecycle plugins = lifecycle(host);
        InstalledPlugin p = plugins.install(repository());
        assertEquals(new InstalledPlugin(FEATURE, "2.0.0", tmp.resolve("repo"), List.of(BUNDLE + " 1.0.0"), List.of("aead/etm")), p);
        assertEquals(List.of(p), plugins.list());
        assertTrue(host.started(BUNDLE));
        assertEquals(List.of(PluginLifecycle.LOCATION_PREFIX + FEATURE + "/" + BUNDLE), host.pluginLocations());
        assertEquals(List.of(FEATURE + "/" + BUNDLE + "_1.0.0.jar"), pluginFiles());
        assertEquals(Optional.of(FEATURE), plugins.providerOf("aead", "etm"));
    }

    @Test
    void strategiesRegisteredWithoutDeclarationAreRecordedToo() throws Exception {
        Path jar = TestJars.bundle(tmp.resolve("solo.jar"), "org.example.solo", "1.0.0", null);
        host.registers.put("org.example.solo", List.of("kdf/solo-kdf"));
        InstalledPlugin p = lifecycle(host).install(jar);
        assertEquals("org.example.solo", p.name());
        assertEquals(List.of("kdf/solo-kdf"), p.strategies());
    }

    @Test
    void anUndeclaredComponentStrategyThatRegistersLateIsStillRecorded() throws Exception {
        // Declarative Services on a loaded machine: the first strategy comes well after the 0.3 s quiet window
        Path jar = TestJars.bundle(tmp.resolve("late.jar"), "org.example.late", "1.0.0", null, true);
        host.registers.put("org.example.late", List.of("kdf/late-kdf"));
        host.registersAfterMillis.put("org.example.late", 800L);
        PluginLifecycle plugins = new PluginLifecycle(tmp.resolve("config/plugins"), host, Set.of("org.peerlab.core.feature"), Duration.ofSeconds(10));
        InstalledPlugin p = plugins.install(jar);
        assertEquals(List.of("kdf/late-kdf"), p.strategies());
    }

    @Test
    void aZipAndABareJarInstallLikeAFolder() throws Exception {
        Path zip = TestJars.zip(repository(), tmp.resolve("repo.zip"), "");
        PluginLifecycle plugins = lifecycle(host);
        assertEquals(FEATURE, plugins.install(zip).name());
        plugins.uninstall(FEATURE);
        Path jar = TestJars.bundle(tmp.resolve("etm.jar"), BUNDLE, "1.0.0", "aead/etm");
        InstalledPlugin p = plugins.install(jar);
        assertEquals(BUNDLE, p.name());
        assertEquals(List.of("aead/etm"), p.strategies());
        assertEquals(List.of(BUNDLE + "/" + BUNDLE + "_1.0.0.jar"), pluginFiles());
    }

    @Test
    void aNewRunRestoresInstalledPluginsAndDropsStrangers() throws Exception {
        lifecycle(host).install(repository());
        FakeHost restarted = new FakeHost().product("org.peerlab.core");
        restarted.bundles.put(PluginLifecycle.LOCATION_PREFIX + "gone/org.gone",
                new FakeHost.FakeBundle("org.gone", "1", List.of(), new boolean[] { true }));
        PluginLifecycle again = lifecycle(restarted);
        assertEquals(List.of(), again.restore());
        assertEquals(List.of(PluginLifecycle.LOCATION_PREFIX + FEATURE + "/" + BUNDLE), restarted.pluginLocations());
        assertTrue(restarted.started(BUNDLE));
        assertEquals(FEATURE, again.list().get(0).name());
    }

    @Test
    void aRestoreReportsAMissingJarAndGoesOn() throws Exception {
        lifecycle(host).install(repository());
        Files.delete(tmp.resolve("config/plugins/" + FEATURE + "/" + BUNDLE + "_1.0.0.jar"));
        List<String> problems = lifecycle(new FakeHost()).restore();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("plugin " + FEATURE + " could not be restored: its bundle jar "), problems.get(0));
    }

    @Test
    void uninstallRemovesBundlesAndFilesButRemembersTheProvider() throws Exception {
        PluginLifecycle plugins = lifecycle(host);
        plugins.install(repository());
        plugins.uninstall(FEATURE);
        assertEquals(List.of(), plugins.list());
        assertEquals(List.of(), host.pluginLocations());
        assertEquals(1, host.refreshes);
        assertEquals(List.of(), pluginFiles());
        assertEquals(Optional.of(FEATURE), plugins.providerOf("aead", "etm"));
        assertEquals(Optional.of("provided by plugin " + FEATURE + ": install it with ./peerlab plugins install PATH (it was installed from "
                + tmp.resolve("repo") + ")"), plugins.hintFor("aead", "etm"));
        PluginLifecycle restarted = lifecycle(new FakeHost());
        restarted.restore();
        assertEquals(Optional.of(FEATURE), restarted.providerOf("aead", "etm"), "known after a restart too");
        assertEquals(Optional.empty(), restarted.providerOf("aead", "other"));
    }

    @Test
    void installTwiceOrOverTheProductIsRefused() throws Exception {
        PluginLifecycle plugins = lifecycle(host);
        plugins.install(repository());
        String twice = assertThrows(PluginException.class, () -> plugins.install(repository())).getMessage();
        assertEquals("plugin " + FEATURE + " 2.0.0 is already installed (from " + tmp.resolve("repo") + "); uninstall it first", twice);
        Path other = TestJars.repository(tmp.resolve("other"), "org.other.feature", BUNDLE, null);
        assertEquals("bundle " + BUNDLE + " is already installed by plugin " + FEATURE,
                assertThrows(PluginException.class, () -> plugins.install(other)).getMessage());
        Path core = TestJars.bundle(tmp.resolve("core.jar"), "org.peerlab.core", "9.0.0", null);
        assertEquals("bundle org.peerlab.core is part of the PeerLab product already (version 0.1.0); a plugin can only add bundles",
                assertThrows(PluginException.class, () -> plugins.install(core)).getMessage());
        assertEquals(List.of(FEATURE + "/" + BUNDLE + "_1.0.0.jar"), pluginFiles(), "the refusals left nothing behind");
    }

    @Test
    void aBundleThatDoesNotResolveIsRolledBack() throws Exception {
        host.unresolvable.add(BUNDLE);
        PluginLifecycle plugins = lifecycle(host);
        String message = assertThrows(PluginException.class, () -> plugins.install(repository())).getMessage();
        assertEquals("bundle " + BUNDLE + " does not resolve: missing Import-Package: org.nowhere", message);
        assertEquals(List.of(), host.pluginLocations());
        assertEquals(List.of(), pluginFiles());
        assertEquals(List.of(), plugins.list());
        assertFalse(Files.exists(tmp.resolve("config/plugins/" + PluginIndex.FILE)), "no index written");
    }

    @Test
    void declaredStrategiesThatNeverAppearAreAFailure() throws Exception {
        host.registers.put(BUNDLE, List.of("aead/something-else"));
        String message = assertThrows(PluginException.class, () -> lifecycle(host).install(repository())).getMessage();
        assertTrue(message.startsWith("the plugin declares aead/etm (PeerLab-Strategies) but did not register it within 0.3 s (registered: "
                + "aead/something-else)"), message);
        assertEquals(List.of(), host.pluginLocations());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    void uninstallNamesWhatIsInstalledAndRefusesTheProduct() throws Exception {
        PluginLifecycle plugins = lifecycle(host);
        assertEquals("no plugin named x is installed (no plugins are installed)",
                assertThrows(PluginException.class, () -> plugins.uninstall("x")).getMessage());
        plugins.install(repository());
        assertEquals("no plugin named x is installed (installed plugins: " + FEATURE + ")",
                assertThrows(PluginException.class, () -> plugins.uninstall("x")).getMessage());
        assertEquals("org.peerlab.crypto.jdk is part of the PeerLab product, not a plugin, and cannot be uninstalled (installed plugins: " + FEATURE + ")",
                assertThrows(PluginException.class, () -> plugins.uninstall("org.peerlab.crypto.jdk")).getMessage());
        assertTrue(assertThrows(PluginException.class, () -> plugins.uninstall("org.peerlab.core.feature")).getMessage()
                .startsWith("org.peerlab.core.feature is part of the PeerLab product"));
    }

    @Test
    void aDamagedIndexBlocksChangesButNotStartup() throws Exception {
        Files.createDirectories(tmp.resolve("config/plugins"));
        Files.writeString(tmp.resolve("config/plugins/" + PluginIndex.FILE), "{ nope");
        PluginLifecycle plugins = lifecycle(host);
        List<String> problems = plugins.restore();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("is damaged"), problems.get(0));
        assertEquals(List.of(), plugins.list());
        assertTrue(assertThrows(PluginException.class, () -> plugins.install(repository())).getMessage().contains("is damaged"));
        assertEquals(List.of(), pluginFiles());
    }
}
