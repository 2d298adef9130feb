package org.peerlab.experiment;

/**
 * How a metric is recorded, after the three methods of {@link org.peerlab.sim.Metrics}; it decides
 * the one figure per run that statistics across replications are taken of.
 */
public enum MetricKind {
    /** {@code observe}: per-event values; a run's figure is their mean. */
    OBSERVATION,
    /** {@code count}: a running total; a run's figure is the total (0 when never counted). */
    COUNTER,
    /** {@code sample}: a time series; a run's figure is its time-weighted mean up to the end of the run. */
    SERIES;

    /** @return the lower-case name used in result files */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
