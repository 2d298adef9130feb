package org.peerlab.core.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a strategy is and which parameters it takes.
 *
 * @param family      family name: lower case letters, digits and '-', e.g. {@code key-exchange}
 * @param name        strategy name within the family, same alphabet, e.g. {@code x25519-mlkem768}
 * @param description one line, no line breaks
 * @param parameters  typed parameters with defaults and allowed ranges, names unique
 */
public record StrategyDescriptor(String family, String name, String description, List<ParameterSpec> parameters) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public StrategyDescriptor {
        requireIdentifier("family", family);
        requireIdentifier("name", name);
        Objects.requireNonNull(description, "description");
        if (description.isBlank() || description.contains("\n") || description.contains("\r")) {
            throw new IllegalArgumentException("description of " + family + "/" + name + " must be one non-empty line");
        }
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (ParameterSpec p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' declared twice by " + family + "/" + name);
            }
        }
    }

    /** A descriptor without parameters. */
    public static StrategyDescriptor of(String family, String name, String description, ParameterSpec... parameters) {
        return new StrategyDescriptor(family, name, description, List.of(parameters));
    }

    /** @return {@code family/name}, the strategy's unique key */
    public String key() {
        return family + "/" + name;
    }

    /** @return the parameter called {@code parameterName}, if declared */
    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** @return every parameter at its default value */
    public Parameters defaults() {
        return bind(Map.of());
    }

    /**
     * Parses and validates parameter values given as text (from a scenario file or a command line).
     * Parameters not given take their defaults.
     *
     * @throws InvalidParameterException naming every unknown parameter and every invalid value
     */
    public Parameters bind(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        for (String given : values.keySet()) {
            if (parameter(given).isEmpty()) {
                problems.add("unknown parameter '" + given + "'" + (parameters.isEmpty() ? " (it takes none)"
                        : " (known: " + String.join(", ", parameters.stream().map(ParameterSpec::name).toList()) + ")"));
            }
        }
        Map<String, Object> bound = new java.util.LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            String text = values.get(p.name());
            if (text == null) {
                bound.put(p.name(), p.defaultValue());
                continue;
            }
            try {
                bound.put(p.name(), p.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(key(), problems);
        }
        return new Parameters(this, bound);
    }

    private static void requireIdentifier(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("strategy " + what + " '" + value
                    + "' must be lower case letters, digits and '-', starting with a letter or digit");
        }
    }
}
