package org.peerlab.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonArray;
import org.peerlab.core.json.JsonValue.JsonBoolean;
import org.peerlab.core.json.JsonValue.JsonNumber;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.core.json.JsonValue.JsonString;
import org.peerlab.core.json.SourcePosition;

/**
 * A node of a scenario's parameters that knows its dotted path ({@code network.loss}) and where
 * it was written, so that every error a reader raises names the file, line and key. Missing
 * nodes exist too ({@link #present()} false): they carry the enclosing object's position.
 * Reading methods throw {@link ScenarioException}; immutable and thread-safe.
 */
public final class Params {

    private final String path;
    private final JsonValue value;
    private final SourcePosition position;

    private Params(String path, JsonValue value, SourcePosition position) {
        this.path = path;
        this.value = value;
        this.position = position;
    }

    /** @return a node for {@code value} at {@code path} ({@code ""} for the root) */
    public static Params of(String path, JsonValue value) {
        return new Params(path, Objects.requireNonNull(value, "value"), value.position());
    }

    /** @return the dotted path, e.g. {@code workload.cipher} or {@code population.nat-mix} */
    public String path() {
        return path;
    }

    /** @return where the value was written, or the enclosing object when it is missing */
    public SourcePosition position() {
        return position;
    }

    /** @return whether the scenario gives this value */
    public boolean present() {
        return value != null;
    }

    /** @return the JSON value, or {@code null} when missing */
    public JsonValue json() {
        return value;
    }

    /** @return a problem at this node, to throw */
    public ScenarioException problem(String message) {
        return new ScenarioException(position, path, message);
    }

    /** @return the member {@code key} of this object (a missing node if absent or if this node is missing) */
    public Params get(String key) throws ScenarioException {
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (value == null) {
            return new Params(childPath, null, position);
        }
        JsonValue child = object().get(key);
        return child == null ? new Params(childPath, null, position) : new Params(childPath, child, child.position());
    }

    /** @return the keys of this object in source order (empty when missing) */
    public Set<String> keys() throws ScenarioException {
        return value == null ? Set.of() : object().members().keySet();
    }

    /** @return the elements of this array (empty when missing) */
    public List<Params> elements() throws ScenarioException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray a)) {
            throw wrongType("an array");
        }
        List<Params> out = new ArrayList<>();
        for (int i = 0; i < a.elements().size(); i++) {
            JsonValue e = a.elements().get(i);
            out.add(new Params(path + "[" + i + "]", e, e.position()));
        }
        return out;
    }

    /**
     * Rejects keys of this object other than {@code known}, naming the first unknown one.
     * Nothing happens when the node is missing.
     */
    public void allowOnly(Collection<String> known) throws ScenarioException {
        if (value == null) {
            return;
        }
        for (JsonValue.Member m : object().members().values()) {
            if (!known.contains(m.key())) {
                throw new ScenarioException(m.keyPosition(), path.isEmpty() ? m.key() : path + "." + m.key(),
                        "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** @see #allowOnly(Collection) */
    public void allowOnly(String... known) throws ScenarioException {
        allowOnly(List.of(known));
    }

    /** @return this number, which must lie in [min, max] */
    public double asNumber(double min, double max) throws ScenarioException {
        if (!(value instanceof JsonNumber n)) {
            throw wrongType("a number");
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw problem(n.text() + " is out of range " + range(min, max));
        }
        return d;
    }

    /** @return this whole number, which must lie in [min, max] */
    public long asInteger(long min, long max) throws ScenarioException {
        if (!(value instanceof JsonNumber n) || !n.isLong()) {
            throw wrongType("a whole number");
        }
        long l = n.longValue();
        if (l < min || l > max) {
            throw problem(l + " is out of range " + range(min, max));
        }
        return l;
    }

    /** @return this string */
    public String asString() throws ScenarioException {
        if (!(value instanceof JsonString s)) {
            throw wrongType("a string");
        }
        return s.value();
    }

    /** @return this boolean */
    public boolean asBoolean() throws ScenarioException {
        if (!(value instanceof JsonBoolean b)) {
            throw wrongType("true or false");
        }
        return b.value();
    }

    /** @return this string, which must be one of {@code known} */
    public String asChoice(Collection<String> known) throws ScenarioException {
        String s = asString();
        if (!known.contains(s)) {
            throw problem("unknown value '" + s + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
        return s;
    }

    /** @return member {@code key} as a number in [min, max], or {@code fallback} when absent */
    public double number(String key, double fallback, double min, double max) throws ScenarioException {
        Params p = get(key);
        return p.present() ? p.asNumber(min, max) : fallback;
    }

    /** @return member {@code key} as a number in [min, max]; it must be given */
    public double number(String key, double min, double max) throws ScenarioException {
        return get(key).required("a number").asNumber(min, max);
    }

    /** @return member {@code key} as a whole number in [min, max], or {@code fallback} when absent */
    public long integer(String key, long fallback, long min, long max) throws ScenarioException {
        Params p = get(key);
        return p.present() ? p.asInteger(min, max) : fallback;
    }

    /** @return member {@code key} as a string, or {@code fallback} when absent */
    public String string(String key, String fallback) throws ScenarioException {
        Params p = get(key);
        return p.present() ? p.asString() : fallback;
    }

    /** @return member {@code key}, one of {@code known}, or {@code fallback} when absent */
    public String choice(String key, String fallback, Collection<String> known) throws ScenarioException {
        Params p = get(key);
        return p.present() ? p.asChoice(known) : fallback;
    }

    /** @return member {@code key} as a boolean, or {@code fallback} when absent */
    public boolean bool(String key, boolean fallback) throws ScenarioException {
        Params p = get(key);
        return p.present() ? p.asBoolean() : fallback;
    }

    /**
     * Reads a mix such as {@code "nat-mix": {"full-cone": 3, "symmetric": 1}}: non-negative
     * weights over the names in {@code known}, not all zero, returned normalised to sum 1 in
     * source order. Absent: {@code fallback}.
     */
    public Map<String, Double> weights(String key, Map<String, Double> fallback, Collection<String> known) throws ScenarioException {
        Params p = get(key);
        if (!p.present()) {
            return fallback;
        }
        p.allowOnly(known);
        Map<String, Double> raw = new LinkedHashMap<>();
        double sum = 0;
        for (String k : p.keys()) {
            double w = p.get(k).asNumber(0, Double.MAX_VALUE);
            raw.put(k, w);
            sum += w;
        }
        if (sum <= 0) {
            throw p.problem("the weights must not all be zero");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            out.put(e.getKey(), e.getValue() / sum);
        }
        return out;
    }

    /** @return this node; throws "missing" when absent */
    public Params required(String what) throws ScenarioException {
        if (value == null) {
            throw problem("missing (" + what + " is required)");
        }
        return this;
    }

    private JsonObject object() throws ScenarioException {
        if (!(value instanceof JsonObject o)) {
            throw wrongType("an object");
        }
        return o;
    }

    private ScenarioException wrongType(String expected) {
        if (value == null) {
            return problem("missing (" + expected + " is required)");
        }
        String found = value instanceof JsonString s ? "the string \"" + s.value() + "\"" : value instanceof JsonNumber n ? "the number " + n.text()
                : value.typeName();
        return problem("expected " + expected + ", found " + found);
    }

    private static String range(double min, double max) {
        return "[" + bound(min) + ", " + bound(max) + "]";
    }

    private static String bound(double b) {
        if (b == Double.MAX_VALUE || b == Long.MAX_VALUE) {
            return "inf";
        }
        if (b == -Double.MAX_VALUE || b == Long.MIN_VALUE) {
            return "-inf";
        }
        return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
    }

    @Override
    public String toString() {
        return path + "@" + position;
    }
}
