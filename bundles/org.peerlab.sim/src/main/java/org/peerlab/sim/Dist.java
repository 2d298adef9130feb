package org.peerlab.sim;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A distribution of a non-negative quantity (latency, jitter, session length, file size), drawn
 * from a named stream. Immutable; the stream carries the state.
 */
public sealed interface Dist {

    /** @return one value drawn with {@code random} */
    double sample(RandomGenerator random);

    /** @return the distribution's mean */
    double mean();

    /** @return a short description such as {@code normal(mean=20, sd=2)} */
    String describe();

    /** Always the same value. */
    record Constant(double value) implements Dist {
        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public String describe() {
            return Double.toString(value);
        }
    }

    /** Any Commons Math real distribution, truncated at zero (a negative draw gives 0). */
    record Of(String describe, double mean, java.util.function.Function<RandomGenerator, RealDistribution> maker) implements Dist {
        @Override
        public double sample(RandomGenerator random) {
            return Math.max(0, maker.apply(random).sample());
        }
    }

    static Dist constant(double value) {
        return new Constant(value);
    }

    static Dist uniform(double min, double max) {
        check(min <= max, "uniform needs min <= max, got " + min + " > " + max);
        return new Of("uniform(min=" + min + ", max=" + max + ")", (min + max) / 2,
                r -> new UniformRealDistribution(r, min, max == min ? Math.nextUp(min) : max));
    }

    static Dist normal(double mean, double sd) {
        check(sd > 0, "normal needs sd > 0, got " + sd);
        return new Of("normal(mean=" + mean + ", sd=" + sd + ")", mean, r -> new NormalDistribution(r, mean, sd));
    }

    static Dist exponential(double mean) {
        check(mean > 0, "exponential needs mean > 0, got " + mean);
        return new Of("exponential(mean=" + mean + ")", mean, r -> new ExponentialDistribution(r, mean));
    }

    /** Log-normal with the given parameters of the underlying normal. */
    static Dist lognormal(double mu, double sigma) {
        check(sigma > 0, "lognormal needs sigma > 0, got " + sigma);
        return new Of("lognormal(mu=" + mu + ", sigma=" + sigma + ")", Math.exp(mu + sigma * sigma / 2),
                r -> new LogNormalDistribution(r, mu, sigma));
    }

    static Dist pareto(double scale, double shape) {
        check(scale > 0 && shape > 0, "pareto needs scale > 0 and shape > 0");
        return new Of("pareto(scale=" + scale + ", shape=" + shape + ")",
                shape > 1 ? shape * scale / (shape - 1) : Double.POSITIVE_INFINITY, r -> new ParetoDistribution(r, scale, shape));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
