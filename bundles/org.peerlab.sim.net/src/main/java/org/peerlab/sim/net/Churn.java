package org.peerlab.sim.net;

import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;

/**
 * Churn of simulated peers: arrivals and departures, and crash-recovery cycles, with durations
 * drawn from distributions <em>in seconds</em> (stream {@code churn}). What an arriving or
 * departing peer does is the experiment's business ({@link Population}); a crash is
 * {@link Host#crash()} (connections lost at once, peers notice by reset or timeout) and a
 * recovery {@link Host#recover()} followed by the experiment's restart callback. Simulation
 * thread only.
 */
public final class Churn {

    /** Where arrivals come from and departures go: the experiment's peers. */
    public interface Population {

        /** A peer arrives now: create or attach its host and start its work. @return its host */
        Host arrive();

        /** The peer on {@code host} leaves now (gracefully: close what it has open). */
        void depart(Host host);
    }

    private final Simulator sim;
    private final RandomGenerator random;
    private long arrivals;
    private long departures;
    private long crashes;
    private long recoveries;

    public Churn(Simulator sim) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.random = sim.random().stream("churn");
    }

    /**
     * Starts an arrival process: the first arrival after one inter-arrival draw, then one per
     * draw (exponential gaps make it Poisson), each peer staying for a session-length draw.
     * No arrival happens after {@code until}; departures of peers already present still do.
     *
     * @param interArrivalSeconds gap between arrivals, seconds
     * @param sessionSeconds      how long each peer stays, seconds
     * @param until               virtual time, nanoseconds, after which nobody arrives
     */
    public void arrivals(Dist interArrivalSeconds, Dist sessionSeconds, long until, Population population) {
        Objects.requireNonNull(population, "population");
        long gap = nanos(interArrivalSeconds);
        if (sim.now() + gap > until) {
            return;
        }
        sim.schedule(gap, () -> {
            Host host = population.arrive();
            arrivals++;
            sim.schedule(nanos(sessionSeconds), () -> {
                departures++;
                population.depart(host);
            });
            arrivals(interArrivalSeconds, sessionSeconds, until, population);
        });
    }

    /**
     * Crash-recovery cycles of {@code host}: it runs for an uptime draw, crashes, stays down for a
     * downtime draw, recovers (then {@code onRecover} runs, to restart its work) and so on; no
     * crash starts after {@code until}.
     *
     * @param uptimeSeconds   time between recovery (or now) and the next crash, seconds
     * @param downtimeSeconds time a crashed host stays down, seconds
     * @param onRecover       called right after each recovery (may be null)
     */
    public void crashes(Host host, Dist uptimeSeconds, Dist downtimeSeconds, long until, Consumer<Host> onRecover) {
        long uptime = nanos(uptimeSeconds);
        if (sim.now() + uptime > until) {
            return;
        }
        sim.schedule(uptime, () -> {
            crashes++;
            host.crash();
            sim.schedule(nanos(downtimeSeconds), () -> {
                host.recover();
                recoveries++;
                if (onRecover != null) {
                    onRecover.accept(host);
                }
                crashes(host, uptimeSeconds, downtimeSeconds, until, onRecover);
            });
        });
    }

    /** Crashes {@code host} at virtual time {@code at} and recovers it {@code downNanos} later (never if negative). */
    public void crashAt(Host host, long at, long downNanos, Consumer<Host> onRecover) {
        sim.at(at, () -> {
            crashes++;
            host.crash();
            if (downNanos >= 0) {
                sim.schedule(downNanos, () -> {
                    host.recover();
                    recoveries++;
                    if (onRecover != null) {
                        onRecover.accept(host);
                    }
                });
            }
        });
    }

    public long arrivals() {
        return arrivals;
    }

    public long departures() {
        return departures;
    }

    public long crashes() {
        return crashes;
    }

    public long recoveries() {
        return recoveries;
    }

    private long nanos(Dist seconds) {
        return Math.round(seconds.sample(random) * Simulator.SECOND);
    }
}
