package org.peerlab.experiment.results;

import java.util.Objects;

import org.peerlab.experiment.Expectation;

/**
 * An {@link Expectation} compared with the measured statistics of its point.
 *
 * @param pointIndex  the sweep point
 * @param expectation what was expected
 * @param measured    the metric's mean (NaN when it was not recorded)
 * @param ci95        the mean's 95% confidence half-width (NaN with one replication)
 * @param pass        whether {@code |measured - expected| <= tolerance + ci95} (ci95 counted as 0 when NaN)
 */
public record ExpectationCheck(int pointIndex, Expectation expectation, double measured, double ci95, boolean pass) {
    public ExpectationCheck {
        Objects.requireNonNull(expectation, "expectation");
    }

    /** Compares {@code e} with {@code stats} (null when the metric was not recorded). */
    public static ExpectationCheck of(int pointIndex, Expectation e, MetricStatistics stats) {
        if (stats == null || stats.n() == 0) {
            return new ExpectationCheck(pointIndex, e, Double.NaN, Double.NaN, false);
        }
        double allowance = e.tolerance() + (Double.isNaN(stats.ci95()) ? 0 : stats.ci95());
        // a rounding allowance, so that a bound such as 0.975 +/- 0.025 admits exactly 1.0
        allowance += 1e-9 * Math.max(1, Math.abs(e.expected()));
        return new ExpectationCheck(pointIndex, e, stats.mean(), stats.ci95(), Math.abs(stats.mean() - e.expected()) <= allowance);
    }
}
