package org.peerlab.experiment;

import java.util.List;
import java.util.Objects;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.SourcePosition;

/**
 * One swept parameter: its dotted path into the scenario's parameters ({@code network.loss},
 * {@code workload.cipher}, {@code strategies.aead}) and the values it takes, in file order.
 *
 * @param path        the parameter path
 * @param keyPosition where the sweep key was written
 * @param values      at least one value
 */
public record SweepAxis(String path, SourcePosition keyPosition, List<JsonValue> values) {
    public SweepAxis {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(keyPosition, "keyPosition");
        values = List.copyOf(values);
    }

    /** @return whether every value is a number (the axis can be an x axis) */
    public boolean numeric() {
        return values.stream().allMatch(v -> v instanceof JsonValue.JsonNumber);
    }
}
