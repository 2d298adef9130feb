package org.peerlab.experiment.results;

import java.util.Objects;

import org.peerlab.experiment.MetricKind;

/**
 * One metric at one sweep point, across its successful replications.
 *
 * @param pointIndex the sweep point
 * @param metric     the metric
 * @param kind       how it was recorded
 * @param n          replications that contribute (a counter never counted in a run contributes 0)
 * @param mean       mean of the runs' figures (NaN when n = 0)
 * @param sd         sample standard deviation (NaN when n &lt; 2)
 * @param ci95       half-width of the 95% confidence interval of the mean, Student's t with n-1
 *                   degrees of freedom (NaN when n &lt; 2)
 * @param min        smallest run figure
 * @param max        largest run figure
 */
public record MetricStatistics(int pointIndex, String metric, MetricKind kind, int n, double mean, double sd, double ci95, double min,
        double max) {
    public MetricStatistics {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
    }
}
