package org.peerlab.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;

/**
 * One combination of swept values, with the scenario's parameters resolved for it.
 *
 * @param index       position in the expansion, from 0 (the first axis varies slowest)
 * @param assignments swept path to value, in axis order (empty without a sweep)
 * @param parameters  the resolved parameter tree: {@code workload}, {@code network},
 *                    {@code population}, {@code strategies}
 */
public record SweepPoint(int index, Map<String, JsonValue> assignments, JsonObject parameters) {

    public SweepPoint {
        Objects.requireNonNull(parameters, "parameters");
        assignments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    /** @return the root of the resolved parameters, for {@link Workload#validate} and runs */
    public Params params() {
        return Params.of("", parameters);
    }

    /** @return the swept values as plain data (numbers, strings, booleans), in axis order */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        assignments.forEach((k, v) -> m.put(k, v.toPlain()));
        return m;
    }

    /** @return e.g. {@code network.loss=0.01, strategies.aead=aes-256-gcm}, or {@code base} without a sweep */
    public String label() {
        if (assignments.isEmpty()) {
            return "base";
        }
        return assignments.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining(", "));
    }

    /** @return a value as shown in labels and CSV cells: numbers as written, strings unquoted */
    public static String text(JsonValue v) {
        if (v instanceof JsonValue.JsonNumber n) {
            return n.text();
        }
        Object plain = v.toPlain();
        return plain instanceof String s ? s : org.peerlab.core.json.Json.write(plain).replace("\n", "").replace("  ", "");
    }
}
