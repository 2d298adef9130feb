package org.peerlab.ui.internal.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.core.json.Json;
import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.experiment.ScenarioReader;

/**
 * A scenario file as the form edits it: the parsed JSON object as plain ordered data, with
 * getters and setters for the fields the form shows. Getters read what is there, whatever its
 * type, leaving type errors to validation; setters replace a field in place or, for a new
 * top-level key, insert it where the format lists it. {@link #text()} writes the whole file again
 * in the style of the shipped scenarios (one top-level key a line, values that fit on a line of
 * {@value #WIDTH} characters written on it), so editing in the form reformats the file. Not
 * thread-safe.
 */
public final class ScenarioDocument {

    /** Parameter sections shown as key/value tables. */
    public static final List<String> SECTIONS = List.of("workload", "network", "population");

    /** Longest line {@link #text()} writes a nested object or list on. */
    static final int WIDTH = 100;

    private final LinkedHashMap<String, Object> root;

    private ScenarioDocument(LinkedHashMap<String, Object> root) {
        this.root = root;
    }

    /**
     * @throws JsonSyntaxException when the text is not JSON, or not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static ScenarioDocument parse(String text) throws JsonSyntaxException {
        JsonValue json = JsonParser.parse(text, "scenario");
        if (!(json instanceof JsonValue.JsonObject)) {
            throw new JsonSyntaxException(json.position(), "a scenario is a JSON object, found " + json.typeName());
        }
        return new ScenarioDocument(new LinkedHashMap<>((Map<String, Object>) json.toPlain()));
    }

    /** @return the scenario as JSON text, ending with a line break */
    public String text() {
        StringBuilder sb = new StringBuilder();
        write(sb, root, 0, 0);
        return sb.append('\n').toString();
    }

    /** Writes {@code value} with its first line already {@code used} characters long. */
    private static void write(StringBuilder sb, Object value, int indent, int used) {
        String inline = CompactJson.write(value);
        boolean container = value instanceof Map<?, ?> || value instanceof List<?>;
        if (!container || (indent > 0 && used + inline.length() <= WIDTH) || inline.length() <= 2) {
            sb.append(inline);
            return;
        }
        String pad = "  ".repeat(indent + 1);
        if (value instanceof Map<?, ?> m) {
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = Json.write(String.valueOf(e.getKey())) + ": ";
                sb.append(pad).append(key);
                write(sb, e.getValue(), indent + 1, pad.length() + key.length() + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(indent)).append('}');
        } else {
            List<?> l = (List<?>) value;
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                sb.append(pad);
                write(sb, l.get(i), indent + 1, pad.length() + 1);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(indent)).append(']');
        }
    }

    /** @return the name, or {@code ""} */
    public String name() {
        return string(root.get("name"));
    }

    public void setName(String name) {
        putTop("name", name);
    }

    /** @return the description, or {@code ""} */
    public String description() {
        return string(root.get("description"));
    }

    /** Sets the description; an empty one removes the key. */
    public void setDescription(String description) {
        putTop("description", description == null || description.isEmpty() ? null : description);
    }

    /** @return the workload's name, or {@code ""} */
    public String workload() {
        return string(object("workload").get("name"));
    }

    public void setWorkload(String name) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", name);
        object("workload").forEach((k, v) -> {
            if (!k.equals("name")) {
                w.put(k, v);
            }
        });
        putTop("workload", w);
    }

    /** @return the parameters of {@code section} ({@link #SECTIONS}); for {@code workload}, without its name */
    public Map<String, Object> parameters(String section) {
        checkSection(section);
        Map<String, Object> copy = new LinkedHashMap<>(object(section));
        if (section.equals("workload")) {
            copy.remove("name");
        }
        return copy;
    }

    /** Replaces the parameters of {@code section}; empty removes {@code network} or {@code population}. */
    public void setParameters(String section, Map<String, Object> parameters) {
        checkSection(section);
        Map<String, Object> m = new LinkedHashMap<>();
        if (section.equals("workload")) {
            m.put("name", workload());
        }
        m.putAll(parameters);
        putTop(section, m.isEmpty() ? null : m);
    }

    /** @return strategy family to name (non-string values as compact JSON) */
    public Map<String, String> strategies() {
        Map<String, String> out = new LinkedHashMap<>();
        object("strategies").forEach((family, name) -> out.put(family, string(name)));
        return out;
    }

    /** Picks {@code name} for {@code family}; {@code null} removes the family (the workload's default applies). */
    public void setStrategy(String family, String name) {
        Map<String, Object> m = new LinkedHashMap<>(object("strategies"));
        put(m, family, name);
        putTop("strategies", m.isEmpty() ? null : m);
    }

    /** @return swept path to its values (a value that is not a list comes as a list of itself) */
    public Map<String, List<Object>> sweep() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        object("sweep").forEach((path, values) -> out.put(path, values instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(values))));
        return out;
    }

    /** Replaces the sweep; empty removes it. */
    public void setSweep(Map<String, List<Object>> sweep) {
        putTop("sweep", sweep.isEmpty() ? null : new LinkedHashMap<>(sweep));
    }

    /** @return the replications, or 1 (the default) when absent or not a whole number */
    public long replications() {
        return root.get("replications") instanceof Long l ? l : 1;
    }

    public void setReplications(long replications) {
        putTop("replications", replications);
    }

    /** @return the seed as written ({@code ""} when absent; non-numbers as compact JSON) */
    public String seed() {
        Object s = root.get("seed");
        return s == null ? "" : s instanceof String str ? CompactJson.write(str) : CompactJson.write(s);
    }

    /** Sets the seed from what was typed: a whole number, or, if it is not one, the text as a string (validation then says why). */
    public void setSeed(String typed) {
        String t = typed.strip();
        Object value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            value = t.isEmpty() ? null : CompactJson.read(t);
        }
        putTop("seed", value);
    }

    private static void checkSection(String section) {
        if (!SECTIONS.contains(section)) {
            throw new IllegalArgumentException("no parameter section '" + section + "' (sections: " + SECTIONS + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String key) {
        return root.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String string(Object value) {
        return value == null ? "" : value instanceof String s ? s : CompactJson.write(value);
    }

    /** Sets {@code key} of a nested object ({@code null} removes it). */
    private static void put(Map<String, Object> map, String key, Object value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /**
     * Sets a top-level {@code key} in place when present; a new key goes before the first key that
     * the scenario format lists after it (unknown keys at the end); {@code null} removes it.
     */
    private void putTop(String key, Object value) {
        if (value == null || root.containsKey(key) || !ScenarioReader.KEYS.contains(key)) {
            put(root, key, value);
            return;
        }
        int rank = ScenarioReader.KEYS.indexOf(key);
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, Object> e : root.entrySet()) {
            int other = ScenarioReader.KEYS.indexOf(e.getKey());
            if (!placed && other > rank) {
                copy.put(key, value);
                placed = true;
            }
            copy.put(e.getKey(), e.getValue());
        }
        if (!placed) {
            copy.put(key, value);
        }
        root.clear();
        root.putAll(copy);
    }
}
