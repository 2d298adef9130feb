package org.peerlab.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON value that remembers where it was written. Immutable. Objects keep their members
 * in source order, each with the key's own position; numbers keep their source text, so no
 * precision is lost before the reader decides what type it wants.
 */
public sealed interface JsonValue {

    /** @return where the value starts */
    SourcePosition position();

    /** @return the JSON type in words: object, array, string, number, boolean or null */
    String typeName();

    /**
     * @return the value as plain Java data for {@link Json#write}: {@code Map} (source order),
     *         {@code List}, {@code String}, {@code Long} or {@code Double} (or {@code BigDecimal}
     *         when neither holds it exactly), {@code Boolean}, or {@code null}
     */
    Object toPlain();

    /** One member of an object: the key, where the key was written, and the value. */
    record Member(String key, SourcePosition keyPosition, JsonValue value) {
        public Member {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyPosition, "keyPosition");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An object; keys are unique (the parser rejects duplicates). */
    record JsonObject(SourcePosition position, Map<String, Member> members) implements JsonValue {
        public JsonObject {
            Objects.requireNonNull(position, "position");
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** @return the member called {@code key}, or {@code null} */
        public Member member(String key) {
            return members.get(key);
        }

        /** @return the value of {@code key}, or {@code null} when absent */
        public JsonValue get(String key) {
            Member m = members.get(key);
            return m == null ? null : m.value();
        }

        /** @return a copy with {@code key} set to {@code value} (appended when new, in place otherwise) */
        public JsonObject with(String key, SourcePosition keyPosition, JsonValue value) {
            Map<String, Member> copy = new LinkedHashMap<>(members);
            Member old = copy.get(key);
            copy.put(key, new Member(key, old == null ? keyPosition : old.keyPosition(), value));
            return new JsonObject(position, copy);
        }

        /** @return a copy without {@code key} */
        public JsonObject without(String key) {
            Map<String, Member> copy = new LinkedHashMap<>(members);
            copy.remove(key);
            return new JsonObject(position, copy);
        }

        @Override
        public String typeName() {
            return "object";
        }

        @Override
        public Object toPlain() {
            Map<String, Object> m = new LinkedHashMap<>();
            members.forEach((k, v) -> m.put(k, v.value().toPlain()));
            return m;
        }
    }

    /** An array. */
    record JsonArray(SourcePosition position, List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            Objects.requireNonNull(position, "position");
            elements = List.copyOf(elements);
        }

        @Override
        public String typeName() {
            return "array";
        }

        @Override
        public Object toPlain() {
            List<Object> l = new ArrayList<>();
            elements.forEach(e -> l.add(e.toPlain()));
            return l;
        }
    }

    /** A string, unescaped. */
    record JsonString(SourcePosition position, String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "string";
        }

        @Override
        public Object toPlain() {
            return value;
        }
    }

    /** A number, as written (valid JSON number syntax). */
    record JsonNumber(SourcePosition position, String text) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(text, "text");
        }

        /** @return the exact value */
        public BigDecimal decimal() {
            return new BigDecimal(text);
        }

        /** @return the nearest double (may be infinite for huge exponents) */
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        /** @return whether the value is a whole number that fits a {@code long} */
        public boolean isLong() {
            try {
                decimal().longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        /** @throws ArithmeticException if the value is not a whole number that fits a {@code long} */
        public long longValue() {
            return decimal().longValueExact();
        }

        @Override
        public String typeName() {
            return "number";
        }

        @Override
        public Object toPlain() {
            if (isLong()) {
                return longValue();
            }
            double d = doubleValue();
            return Double.isInfinite(d) ? decimal() : (Object) d;
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(SourcePosition position, boolean value) implements JsonValue {
        public JsonBoolean {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String typeName() {
            return "boolean";
        }

        @Override
        public Object toPlain() {
            return value;
        }
    }

    /** {@code null}. */
    record JsonNull(SourcePosition position) implements JsonValue {
        public JsonNull {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String typeName() {
            return "null";
        }

        @Override
        public Object toPlain() {
            return null;
        }
    }
}
