package org.peerlab.experiment;

import java.util.Objects;

/**
 * What a workload expects a metric's mean to be at one sweep point, from theory or a reference
 * measurement. The results compare it with the measured mean across replications: it passes
 * when {@code |mean - expected| <= tolerance + ci95}, where ci95 is the half-width of the 95%
 * confidence interval (0 with a single replication). A tolerance of 0 thus asks for the expected
 * value to lie inside the confidence interval.
 *
 * @param name      what is compared, e.g. {@code M/M/1 mean wait (Wq = rho / (mu - lambda))}
 * @param metric    the metric compared
 * @param expected  the expected mean, in the metric's unit
 * @param tolerance allowed absolute deviation beyond the confidence interval, {@code >= 0}
 */
public record Expectation(String name, String metric, double expected, double tolerance) {
    public Expectation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
    }
}
