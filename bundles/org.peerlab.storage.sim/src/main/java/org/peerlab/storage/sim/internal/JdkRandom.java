package org.peerlab.storage.sim.internal;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} (what strategies take) over a Commons Math generator (what the
 * simulator's named streams are), so that a strategy's draws come from the run's seed. Every
 * derived method of {@link RandomGenerator} reduces to {@link #nextLong()}. Not thread-safe.
 */
final class JdkRandom implements RandomGenerator {

    private final org.apache.commons.math3.random.RandomGenerator source;

    JdkRandom(org.apache.commons.math3.random.RandomGenerator source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public long nextLong() {
        return source.nextLong();
    }
}
