package org.peerlab.experiment.run;

import java.util.Objects;

import org.peerlab.experiment.MetricKind;

/**
 * One metric call of a running simulation, for live display.
 *
 * @param pointIndex  the run's sweep point
 * @param replication the run's replication
 * @param metric      the metric name
 * @param kind        which {@link org.peerlab.sim.Metrics} method recorded it
 * @param timeNanos   virtual time of the call (the sample's own time for series)
 * @param value       the value (the amount added, for counters)
 */
public record MetricEvent(int pointIndex, int replication, String metric, MetricKind kind, long timeNanos, double value) {
    public MetricEvent {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
    }
}
