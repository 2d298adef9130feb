package org.peerlab.experiment.results;

import java.util.Objects;

/**
 * The samples of one series metric in one run, in time order. Long series are thinned
 * deterministically while recording (every other point dropped whenever the cap is reached), so
 * {@code stride} samples were taken per sample kept.
 *
 * @param metric    the metric name
 * @param timesNanos virtual times in nanoseconds
 * @param values    the values, one per time
 * @param stride    samples recorded per sample kept (1 when nothing was dropped)
 */
public record TimeSeries(String metric, long[] timesNanos, double[] values, int stride) {
    public TimeSeries {
        Objects.requireNonNull(metric, "metric");
        if (timesNanos.length != values.length) {
            throw new IllegalArgumentException(timesNanos.length + " times for " + values.length + " values");
        }
        timesNanos = timesNanos.clone();
        values = values.clone();
    }

    /** @return samples kept */
    public int size() {
        return values.length;
    }

    @Override
    public long[] timesNanos() {
        return timesNanos.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
