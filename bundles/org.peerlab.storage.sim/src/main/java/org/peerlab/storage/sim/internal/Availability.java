package org.peerlab.storage.sim.internal;

import org.peerlab.sim.Dist;

/**
 * Which nodes are online, for benign churn without events: each churning node alternates
 * online and offline periods drawn from its own stream, and its state is advanced lazily to the
 * time it is asked about (times must not go backwards per node). A node starts online with the
 * long-run online probability, at the start of a fresh period. Memory: 18 bytes per node.
 * Not thread-safe.
 */
final class Availability {

    private static final double HOUR = 3600e9;

    private final ChurnSpec spec;
    private final long[] streams;
    private final SlotRandom draw;
    private final boolean[] churning;
    private final boolean[] online;
    private final long[] nextToggle;

    /** @param seeds one seed per node (the node's churn stream) */
    Availability(ChurnSpec spec, long[] seeds) {
        this.spec = spec;
        this.streams = seeds.clone();
        this.draw = new SlotRandom(streams);
        int n = seeds.length;
        this.churning = new boolean[n];
        this.online = new boolean[n];
        this.nextToggle = new long[n];
        double pOnline = spec.onlineProbability();
        for (int i = 0; i < n; i++) {
            online[i] = true;
            if (SplitMix.nextDouble(streams, i) < spec.share()) {
                churning[i] = true;
                online[i] = SplitMix.nextDouble(streams, i) < pOnline;
                nextToggle[i] = period(i, online[i]);
            }
        }
    }

    /** @return whether node {@code i} is online at {@code now} (nanoseconds) */
    boolean online(int i, long now) {
        if (!churning[i]) {
            return true;
        }
        while (nextToggle[i] <= now) {
            online[i] = !online[i];
            nextToggle[i] += period(i, online[i]);
        }
        return online[i];
    }

    /** @return whether node {@code i} churns at all */
    boolean churns(int i) {
        return churning[i];
    }

    private long period(int i, boolean up) {
        Dist d = up ? spec.uptime() : spec.downtime();
        return Math.max(1, Math.round(d.sample(draw.at(i)) * HOUR));
    }
}
