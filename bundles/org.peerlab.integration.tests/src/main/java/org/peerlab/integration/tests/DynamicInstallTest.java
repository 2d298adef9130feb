package org.peerlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyListener.Change;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.integration.tests.dynamic.RuntimeInstalledStrategy;

/**
 * A strategy bundle installed into the running framework appears in the registry and in
 * {@code peerlab strategies}; uninstalled, it disappears from both. Nothing restarts.
 */
class DynamicInstallTest {

    private static final String CLASS_PATH = RuntimeInstalledStrategy.class.getName().replace('.', '/') + ".class";

    @Test
    void installedBundleAppearsAndUninstalledBundleDisappears() throws Exception {
        StrategyRegistry registry = OsgiSupport.service(StrategyRegistry.class);
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        AutoCloseable listening = registry.addListener((change, s) -> {
            if (s.family().equals("example")) {
                events.add(change + " " + s.name());
            }
        });
        assertTrue(registry.family("example").strategies().isEmpty());
        assertFalse(OsgiSupport.runCommand("strategies", "--json").contains("runtime-installed"));

        Bundle bundle = OsgiSupport.context().installBundle("peerlab-test:runtime-installed", new ByteArrayInputStream(strategyBundle()));
        bundle.start();
        OsgiSupport.await("the runtime-installed strategy is registered", () -> registry.family("example").find("runtime-installed").isPresent());
        RegisteredStrategy found = registry.family("example").find("runtime-installed").orElseThrow();
        assertEquals("org.peerlab.example.runtimeinstalled", found.providerBundle());
        assertEquals("1.0.0", found.providerVersion());
        String json = OsgiSupport.runCommand("strategies", "--json");
        assertTrue(json.contains("\"name\": \"runtime-installed\""), json);
        assertTrue(json.contains("\"provider\": \"org.peerlab.example.runtimeinstalled\""), json);

        bundle.uninstall();
        OsgiSupport.await("the runtime-installed strategy is gone", () -> registry.family("example").find("runtime-installed").isEmpty());
        assertFalse(OsgiSupport.runCommand("strategies", "--json").contains("runtime-installed"));
        assertEquals(java.util.List.of(Change.ADDED + " runtime-installed", Change.REMOVED + " runtime-installed"), events);
        listening.close();
    }

    /** A bundle holding {@link RuntimeInstalledStrategy} and a DS component description for it. */
    private static byte[] strategyBundle() throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.peerlab.example.runtimeinstalled");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.peerlab.core.strategy;version=\"[0.1,0.2)\"");
        a.putValue("Service-Component", "OSGI-INF/runtime-installed.xml");
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="example.runtime-installed">
                  <property name="strategy.family" value="example"/>
                  <property name="strategy.name" value="runtime-installed"/>
                  <service><provide interface="org.peerlab.core.strategy.Strategy"/></service>
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(RuntimeInstalledStrategy.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/runtime-installed.xml"));
            jar.write(component.getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry(CLASS_PATH));
            try (InputStream in = DynamicInstallTest.class.getClassLoader().getResourceAsStream(CLASS_PATH)) {
                jar.write(in.readAllBytes());
            }
        }
        return bytes.toByteArray();
    }
}
