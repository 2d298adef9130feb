package org.peerlab.plugins.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.peerlab.core.json.Json;
import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonArray;
import org.peerlab.core.json.JsonValue.JsonBoolean;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.core.json.JsonValue.JsonString;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.internal.PluginRecord.BundleRef;

/**
 * The plugins folder's {@code index.json}: every plugin installed now or before, sorted by name.
 * Immutable; {@link #save} replaces the file atomically, so a reader sees the old index or the
 * new one, never a mixture.
 */
public final class PluginIndex {

    /** The index's file name inside the plugins folder. */
    public static final String FILE = "index.json";

    private static final int FORMAT = 1;

    private final List<PluginRecord> plugins;

    public PluginIndex(List<PluginRecord> plugins) {
        this.plugins = plugins.stream().sorted(Comparator.comparing(PluginRecord::name)).toList();
    }

    /** @return an index without plugins */
    public static PluginIndex empty() {
        return new PluginIndex(List.of());
    }

    /** @return every plugin, installed or removed, sorted by name */
    public List<PluginRecord> all() {
        return plugins;
    }

    /** @return the installed plugins, sorted by name */
    public List<PluginRecord> installed() {
        return plugins.stream().filter(PluginRecord::installed).toList();
    }

    /** @return the plugin called {@code name}, installed or removed */
    public Optional<PluginRecord> find(String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @return a copy where {@code plugin} replaces the plugin of the same name, or is added */
    public PluginIndex with(PluginRecord plugin) {
        List<PluginRecord> copy = new ArrayList<>(plugins.stream().filter(p -> !p.name().equals(plugin.name())).toList());
        copy.add(plugin);
        return new PluginIndex(copy);
    }

    /**
     * @return the plugin that provided {@code family/strategy}: an installed one first, else a
     *         removed one (the first by name when several did)
     */
    public Optional<PluginRecord> providerOf(String family, String strategy) {
        String key = family + "/" + strategy;
        Comparator<PluginRecord> installedFirst = Comparator.comparing(p -> !p.installed());
        return plugins.stream().filter(p -> p.strategies().contains(key)).sorted(installedFirst).findFirst();
    }

    /**
     * @return the index in {@code file}, or an empty one if the file does not exist
     * @throws PluginException if the file cannot be read or is not a valid index
     */
    public static PluginIndex load(Path file) throws PluginException {
        String text;
        try {
            if (!Files.exists(file)) {
                return empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PluginException("cannot read the plugin index " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonObject root = object(JsonParser.parse(text, file.toString()), "the index");
            List<PluginRecord> plugins = new ArrayList<>();
            for (JsonValue v : array(root.get("plugins"), "plugins")) {
                JsonObject p = object(v, "a plugin");
                List<BundleRef> bundles = new ArrayList<>();
                for (JsonValue b : array(p.get("bundles"), "bundles")) {
                    JsonObject bo = object(b, "a bundle");
                    bundles.add(new BundleRef(string(bo, "symbolic-name"), string(bo, "version"), fileName(string(bo, "file")),
                            bo.get("fragment") instanceof JsonBoolean f && f.value()));
                }
                List<String> strategies = new ArrayList<>();
                for (JsonValue s : array(p.get("strategies"), "strategies")) {
                    strategies.add(text(s, "a strategy"));
                }
                if (!(p.get("installed") instanceof JsonBoolean installed)) {
                    throw new IllegalArgumentException("installed: expected true or false");
                }
                String name = string(p, "name");
                PluginPackage.checkName(name, "plugin");
                plugins.add(new PluginRecord(name, string(p, "version"), Path.of(string(p, "source")), installed.value(), bundles, strategies));
            }
            return new PluginIndex(plugins);
        } catch (JsonSyntaxException | IllegalArgumentException | PluginException e) {
            throw new PluginException("the plugin index " + file + " is damaged (" + e.getMessage() + "); repair or delete it", e);
        }
    }

    /**
     * Writes the index to {@code file} through a temporary file in the same folder and an atomic
     * rename.
     *
     * @throws PluginException if it cannot be written; the old file is then unchanged
     */
    public void save(Path file) throws PluginException {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, Json.write(toPlain()) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failed already; report that
            }
            throw new PluginException("cannot write the plugin index " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> toPlain() {
        List<Object> list = new ArrayList<>();
        for (PluginRecord p : plugins) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("version", p.version());
            m.put("source", p.source().toString());
            m.put("installed", p.installed());
            List<Object> bundles = new ArrayList<>();
            for (BundleRef b : p.bundles()) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("symbolic-name", b.symbolicName());
                bm.put("version", b.version());
                bm.put("file", b.file());
                bm.put("fragment", b.fragment());
                bundles.add(bm);
            }
            m.put("bundles", bundles);
            m.put("strategies", p.strategies());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("plugins", list);
        return root;
    }

    private static JsonObject object(JsonValue v, String what) {
        if (!(v instanceof JsonObject o)) {
            throw new IllegalArgumentException(what + ": expected an object");
        }
        return o;
    }

    private static List<JsonValue> array(JsonValue v, String what) {
        if (!(v instanceof JsonArray a)) {
            throw new IllegalArgumentException(what + ": expected an array");
        }
        return a.elements();
    }

    private static String string(JsonObject o, String key) {
        return text(o.get(key), key);
    }

    private static String text(JsonValue v, String what) {
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException(what + ": expected a string");
        }
        return s.value();
    }

    private static String fileName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("file: '" + name + "' is not a plain file name");
        }
        return name;
    }
}
