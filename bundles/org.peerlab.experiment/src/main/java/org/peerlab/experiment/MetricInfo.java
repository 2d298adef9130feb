package org.peerlab.experiment;

import java.util.Objects;

/**
 * A metric a workload records. The name carries the unit, as everywhere in PeerLab
 * ({@code waiting-time-s}, {@code throughput-mbps}).
 *
 * @param name        the metric name passed to {@link org.peerlab.sim.Metrics}
 * @param kind        how it is recorded
 * @param description one line for {@code peerlab experiment list} and the report
 */
public record MetricInfo(String name, MetricKind kind, String description) {
    public MetricInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
