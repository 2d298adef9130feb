package org.peerlab.bench;

import java.util.Set;

/**
 * How to measure.
 *
 * @param warmupIterations iterations run and discarded before measuring, per case (>= 0)
 * @param iterations       measured iterations per case (>= 2, for an error estimate)
 * @param iterationMillis  minimum length of one iteration; an iteration always runs at least one operation
 * @param families         only these strategy families (empty: all)
 * @param strategies       only these strategy names (empty: all)
 */
public record BenchSettings(int warmupIterations, int iterations, int iterationMillis, Set<String> families, Set<String> strategies) {

    public BenchSettings {
        if (warmupIterations < 0 || iterations < 2 || iterationMillis < 1) {
            throw new IllegalArgumentException("need warm-up >= 0, iterations >= 2 and iteration time >= 1 ms; got "
                    + warmupIterations + ", " + iterations + ", " + iterationMillis);
        }
        families = Set.copyOf(families);
        strategies = Set.copyOf(strategies);
    }

    /** Defaults: 3 warm-up and 5 measured iterations of at least 300 ms each. */
    public static BenchSettings defaults() {
        return new BenchSettings(3, 5, 300, Set.of(), Set.of());
    }

    boolean includes(String family, String strategy) {
        return (families.isEmpty() || families.contains(family)) && (strategies.isEmpty() || strategies.contains(strategy));
    }
}
