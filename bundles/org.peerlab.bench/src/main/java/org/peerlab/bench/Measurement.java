package org.peerlab.bench;

/**
 * The result of timing one {@link BenchCase}.
 *
 * @param family     strategy family
 * @param strategy   strategy name or baseline label
 * @param operation  what was timed
 * @param parameters parameters in words
 * @param unit       unit of mean, stdDev and ci95
 * @param mean       mean over the measured iterations
 * @param stdDev     sample standard deviation over iterations
 * @param ci95       half-width of the 95% confidence interval of the mean (Student's t)
 * @param iterations measured iterations
 * @param operations operations run in the measured iterations
 */
public record Measurement(String family, String strategy, String operation, String parameters, String unit, double mean, double stdDev,
        double ci95, int iterations, long operations) {

    @Override
    public String toString() {
        return String.format("%s %s %s %s: %.2f ± %.2f %s", family, strategy, operation, parameters, mean, ci95, unit);
    }
}
