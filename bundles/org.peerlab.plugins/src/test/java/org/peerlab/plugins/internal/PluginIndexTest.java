package org.peerlab.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.internal.PluginRecord.BundleRef;

class PluginIndexTest {

    @TempDir
    Path tmp;

    private static PluginRecord record(String name, boolean installed, String... strategies) {
        return new PluginRecord(name, "1.0.0", Path.of("/repos", name), installed, List.of(new BundleRef(name + ".bundle", "1.0.0", name + ".jar", false)),
                List.of(strategies));
    }

    @Test
    void aMissingFileIsAnEmptyIndex() throws Exception {
        assertEquals(List.of(), PluginIndex.load(tmp.resolve("index.json")).all());
    }

    @Test
    void savesAndLoadsEveryField() throws Exception {
        PluginIndex index = PluginIndex.empty().with(record("b", true, "aead/y", "aead/x")).with(record("a", false, "kdf/k"));
        Path file = tmp.resolve("plugins/index.json");
        index.save(file);
        PluginIndex loaded = PluginIndex.load(file);
        assertEquals(index.all(), loaded.all());
        assertEquals(List.of("a", "b"), loaded.all().stream().map(PluginRecord::name).toList(), "sorted by name");
        assertEquals(List.of("aead/x", "aead/y"), loaded.find("b").orElseThrow().strategies(), "strategies sorted");
        assertEquals(List.of("b"), loaded.installed().stream().map(PluginRecord::name).toList());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void withReplacesThePluginOfTheSameName() {
        PluginIndex index = PluginIndex.empty().with(record("a", true, "aead/x")).with(record("a", true, "aead/x").removed());
        assertEquals(1, index.all().size());
        assertFalse(index.all().get(0).installed());
    }

    @Test
    void providerOfPrefersAnInstalledPluginAndRemembersRemovedOnes() {
        PluginIndex index = PluginIndex.empty().with(record("a-old", false, "aead/x")).with(record("b-new", true, "aead/x"))
                .with(record("c", false, "kdf/k"));
        assertEquals("b-new", index.providerOf("aead", "x").orElseThrow().name());
        assertEquals("c", index.providerOf("kdf", "k").orElseThrow().name());
        assertEquals(Optional.empty(), index.providerOf("aead", "k"));
    }

    @Test
    void aDamagedIndexIsReportedWithWhatToDo() throws Exception {
        Path file = tmp.resolve("index.json");
        for (String text : new String[] { "{", "{\"plugins\": [{\"name\": \"a\"}]}", "[]",
                "{\"plugins\": [{\"name\": \"a\", \"version\": \"1\", \"source\": \"/x\", \"installed\": true, \"strategies\": [],"
                        + " \"bundles\": [{\"symbolic-name\": \"b\", \"version\": \"1\", \"file\": \"../../evil.jar\"}]}]}" }) {
            Files.writeString(file, text);
            String message = assertThrows(PluginException.class, () -> PluginIndex.load(file)).getMessage();
            assertTrue(message.startsWith("the plugin index " + file + " is damaged (") && message.endsWith("); repair or delete it"), message);
        }
    }
}
