package org.peerlab.storage.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;

/**
 * Strategy parameters as the storage network records and sends them: {@code key=value,key=value}
 * in the strategy's declaration order ({@code iterations=100000},
 * {@code data-shards=8,total-shards=20}); the empty text means no parameters. Pure functions.
 */
public final class ParameterText {

    private ParameterText() {
    }

    /** @return every value of {@code parameters} as text */
    public static String format(Parameters parameters) {
        StringJoiner j = new StringJoiner(",");
        parameters.asMap().forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /**
     * @return the pairs of {@code text}, in order
     * @throws IllegalArgumentException if a pair lacks its '=', a name is empty or given twice
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("parameters '" + text + "': '" + pair + "' is not name=value");
            }
            if (out.put(name, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("parameters '" + text + "' give '" + name + "' twice");
            }
        }
        return out;
    }

    /**
     * @return {@code text} bound to the strategy's parameters (those not named take their defaults)
     * @throws IllegalArgumentException if the text is malformed or names unknown or invalid values
     */
    public static Parameters bind(StrategyDescriptor descriptor, String text) {
        return descriptor.bind(parse(text));
    }
}
