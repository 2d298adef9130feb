package org.peerlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.peerlab.plugins.InstalledPlugin;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.PluginManager;

class PluginsCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /** Installs anything whose path ends in "good", refuses the rest. */
    static final class FakeManager implements PluginManager {
        final List<InstalledPlugin> installed = new ArrayList<>();

        @Override
        public List<InstalledPlugin> list() {
            return List.copyOf(installed);
        }

        @Override
        public InstalledPlugin install(Path source) throws PluginException {
            if (!source.toString().endsWith("good")) {
                throw new PluginException(source + " is not a jar, a zip or a folder");
            }
            InstalledPlugin p = new InstalledPlugin("org.example.feature", "1.0.0", source.toAbsolutePath(), List.of("org.example 1.0.0"),
                    List.of("aead/x", "kdf/y"));
            installed.add(p);
            return p;
        }

        @Override
        public void uninstall(String name) throws PluginException {
            if (!installed.removeIf(p -> p.name().equals(name))) {
                throw new PluginException("no plugin named " + name + " is installed");
            }
        }

        @Override
        public Optional<String> providerOf(String family, String strategy) {
            return Optional.empty();
        }
    }

    private final FakeManager manager = new FakeManager();

    private int run(String... args) {
        PluginsCommand command = new PluginsCommand();
        command.plugins = manager;
        outBytes.reset();
        errBytes.reset();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new CommandDispatcher(List.of(command), "0.1.0").dispatch(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void installListAndUninstall() {
        assertEquals(0, run("plugins", "list"));
        assertEquals("no plugins are installed (see: peerlab plugins --help)\n", out());
        assertEquals(0, run("plugins", "install", "/repos/good"));
        assertEquals("Installed plugin org.example.feature 1.0.0 from /repos/good.\n  strategies: aead/x, kdf/y\n", out());
        assertEquals(0, run("plugins", "list"));
        assertEquals("""
                org.example.feature  1.0.0
                    source:     /repos/good
                    bundles:    org.example 1.0.0
                    strategies: aead/x, kdf/y
                """, out());
        assertEquals(0, run("plugins", "list", "--json"));
        assertTrue(out().contains("\"strategies\": [\n      \"aead/x\","), out());
        assertEquals(0, run("plugins", "uninstall", "org.example.feature"));
        assertEquals("Uninstalled plugin org.example.feature.\n", out());
    }

    @Test
    void refusalsExitOneWithTheReason() {
        assertEquals(1, run("plugins", "install", "/tmp/bad"));
        assertEquals("peerlab plugins install: /tmp/bad is not a jar, a zip or a folder\n", err());
        assertEquals(1, run("plugins", "uninstall", "nothing"));
        assertEquals("peerlab plugins uninstall: no plugin named nothing is installed\n", err());
    }

    @Test
    void usageErrorsExitTwo() {
        for (String[] args : new String[][] { { "plugins" }, { "plugins", "install" }, { "plugins", "remove", "x" },
                { "plugins", "install", "a", "b" }, { "plugins", "uninstall", "x", "--json" } }) {
            assertEquals(2, run(args), String.join(" ", args));
            assertEquals(1, err().lines().count(), err());
        }
        assertEquals(0, run("plugins", "--help"));
        assertTrue(out().startsWith("Usage: peerlab plugins list [--json]"), out());
    }
}
