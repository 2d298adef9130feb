package org.peerlab.core.strategy;

import java.util.Collections;
import java.util.Map;

/**
 * Validated parameter values for one strategy; obtained from {@link StrategyDescriptor#bind}
 * or {@link StrategyDescriptor#defaults}. Immutable.
 */
public final class Parameters {

    private final StrategyDescriptor descriptor;
    private final Map<String, Object> values;

    Parameters(StrategyDescriptor descriptor, Map<String, Object> values) {
        this.descriptor = descriptor;
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return the strategy these values were validated for */
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    /** @return every value by parameter name, in declaration order */
    public Map<String, Object> asMap() {
        return values;
    }

    /** @throws IllegalArgumentException if the parameter is not declared or not an integer */
    public long getLong(String name) {
        return get(name, Long.class);
    }

    /** @throws IllegalArgumentException if undeclared, not an integer, or beyond the int range */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /** @throws IllegalArgumentException if the parameter is not declared or not a decimal */
    public double getDouble(String name) {
        return get(name, Double.class);
    }

    /** @throws IllegalArgumentException if the parameter is not declared or not a boolean */
    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    /** @throws IllegalArgumentException if the parameter is not declared or not a choice */
    public String getChoice(String name) {
        return get(name, String.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(descriptor.key() + " has no " + type.getSimpleName() + " parameter '" + name + "'");
        }
        return type.cast(v);
    }

    @Override
    public String toString() {
        return descriptor.key() + values;
    }
}
