package org.peerlab.sim.net;

import java.util.Objects;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;

/**
 * Scheduled link failures: one-off outages at given times, or failure-repair cycles with times
 * drawn from distributions <em>in seconds</em> (stream {@code faults}). A failed link drops what
 * is queued on it and everything offered to it; connections across it retransmit and, if the
 * outage outlasts their user timeout or keep-alive, close with a cause. Simulation thread only.
 */
public final class LinkFaults {

    private final Simulator sim;
    private final RandomGenerator random;
    private long outages;

    public LinkFaults(Simulator sim) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.random = sim.random().stream("faults");
    }

    /** Takes both directions down at virtual time {@code at} for {@code nanos} (negative: for good). */
    public void outage(Duplex link, long at, long nanos) {
        sim.at(at, () -> {
            outages++;
            link.down();
            if (nanos >= 0) {
                sim.schedule(nanos, link::up);
            }
        });
    }

    /** Takes one direction down at virtual time {@code at} for {@code nanos} (negative: for good). */
    public void outage(Link link, long at, long nanos) {
        sim.at(at, () -> {
            outages++;
            link.down();
            if (nanos >= 0) {
                sim.schedule(nanos, link::up);
            }
        });
    }

    /**
     * Failure-repair cycles: up for a time-to-failure draw, down for a time-to-repair draw, again
     * and again; no failure starts after {@code until} (nanoseconds of virtual time).
     */
    public void failures(Duplex link, Dist timeToFailureSeconds, Dist timeToRepairSeconds, long until) {
        long up = nanos(timeToFailureSeconds);
        if (sim.now() + up > until) {
            return;
        }
        sim.schedule(up, () -> {
            outages++;
            link.down();
            sim.schedule(nanos(timeToRepairSeconds), () -> {
                link.up();
                failures(link, timeToFailureSeconds, timeToRepairSeconds, until);
            });
        });
    }

    /** @return outages begun so far */
    public long outages() {
        return outages;
    }

    private long nanos(Dist seconds) {
        return Math.round(seconds.sample(random) * Simulator.SECOND);
    }
}
