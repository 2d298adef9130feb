package org.peerlab.core.strategy;

import java.util.List;
import java.util.Objects;

/**
 * One typed parameter of a strategy. Build with the static factories, which check that the
 * default lies in the allowed range.
 *
 * @param name         lower-case identifier, e.g. {@code iterations}
 * @param type         value type
 * @param description  one line
 * @param defaultValue default, of the Java type {@link ParameterType} names
 * @param min          inclusive lower bound for numbers, else {@code null}
 * @param max          inclusive upper bound for numbers, else {@code null}
 * @param choices      allowed words for {@link ParameterType#CHOICE}, else empty
 */
public record ParameterSpec(String name, ParameterType type, String description, Object defaultValue,
        Number min, Number max, List<String> choices) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be lower case letters, digits and '-'");
        }
        check(name, type, defaultValue, min, max, choices);
    }

    /** A whole-number parameter in {@code [min, max]}. */
    public static ParameterSpec integer(String name, String description, long defaultValue, long min, long max) {
        return new ParameterSpec(name, ParameterType.INTEGER, description, defaultValue, min, max, List.of());
    }

    /** A real-number parameter in {@code [min, max]}. */
    public static ParameterSpec decimal(String name, String description, double defaultValue, double min, double max) {
        return new ParameterSpec(name, ParameterType.DECIMAL, description, defaultValue, min, max, List.of());
    }

    /** A true/false parameter. */
    public static ParameterSpec bool(String name, String description, boolean defaultValue) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, description, defaultValue, null, null, List.of());
    }

    /** A parameter taking one of {@code choices}. */
    public static ParameterSpec choice(String name, String description, String defaultValue, String... choices) {
        return new ParameterSpec(name, ParameterType.CHOICE, description, defaultValue, null, null, List.of(choices));
    }

    /**
     * Parses a textual value and checks it against the type and range.
     *
     * @throws IllegalArgumentException with a message naming the parameter, the value and what is allowed
     */
    public Object parse(String text) {
        String t = text.trim();
        Object value;
        try {
            value = switch (type) {
                case INTEGER -> Long.parseLong(t.replace("_", ""));
                case DECIMAL -> Double.parseDouble(t);
                case BOOLEAN -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "yes", "on" -> Boolean.TRUE;
                    case "false", "no", "off" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
                case CHOICE -> t;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not " + article() + " " + type.label());
        }
        check(name, type, value, min, max, choices);
        return value;
    }

    /** @return the allowed values in words, e.g. {@code 1..16} or {@code one of: a, b} */
    public String allowed() {
        return switch (type) {
            case INTEGER, DECIMAL -> min + ".." + max;
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
        };
    }

    private String article() {
        return type == ParameterType.INTEGER ? "an" : "a";
    }

    private static void check(String name, ParameterType type, Object value, Number min, Number max, List<String> choices) {
        switch (type) {
            case INTEGER -> {
                long v = requireType(name, value, Long.class);
                if (min == null || max == null || v < min.longValue() || v > max.longValue()) {
                    throw new IllegalArgumentException("parameter '" + name + "': " + v + " is outside " + min + ".." + max);
                }
            }
            case DECIMAL -> {
                double v = requireType(name, value, Double.class);
                if (min == null || max == null || Double.isNaN(v) || v < min.doubleValue() || v > max.doubleValue()) {
                    throw new IllegalArgumentException("parameter '" + name + "': " + v + " is outside " + min + ".." + max);
                }
            }
            case BOOLEAN -> requireType(name, value, Boolean.class);
            case CHOICE -> {
                String v = requireType(name, value, String.class);
                if (!choices.contains(v)) {
                    throw new IllegalArgumentException("parameter '" + name + "': '" + v + "' is not one of " + String.join(", ", choices));
                }
            }
        }
    }

    private static <T> T requireType(String name, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a " + type.getSimpleName() + " value, got " + value);
        }
        return type.cast(value);
    }
}
