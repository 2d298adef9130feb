package org.peerlab.experiment.results;

import java.util.Objects;

import org.peerlab.experiment.MetricKind;

/**
 * One metric of one run. {@link #value()} is the figure statistics across replications use:
 * the mean of observations, a counter's total, a series' time-weighted mean. Fields that do
 * not apply to the kind are {@code NaN}.
 *
 * @param metric the metric name
 * @param kind   how it was recorded
 * @param count  observations, count calls or samples
 * @param value  the run's figure
 * @param sd     sample standard deviation of observations or samples (NaN for counters, or below 2 values)
 * @param min    smallest observation or sample
 * @param max    largest observation or sample
 * @param last   a series' last sample (NaN otherwise)
 */
public record MetricSummary(String metric, MetricKind kind, long count, double value, double sd, double min, double max, double last) {
    public MetricSummary {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
    }
}
