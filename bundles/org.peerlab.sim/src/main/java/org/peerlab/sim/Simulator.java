package org.peerlab.sim;

import java.util.Objects;

/**
 * One discrete-event simulation: a virtual clock in nanoseconds, the future event list, the
 * random streams of one replication and the metrics sink. Not thread-safe: one thread schedules
 * and runs; events scheduled from inside an event are fine. There is no global simulator.
 */
public final class Simulator {

    /** Nanoseconds per millisecond, for readable delays. */
    public static final long MS = 1_000_000L;
    /** Nanoseconds per second. */
    public static final long SECOND = 1_000_000_000L;

    private final EventQueue queue = new EventQueue();
    private final RandomStreams random;
    private final Metrics metrics;
    private long now;
    private long fired;
    private boolean stopped;
    private volatile boolean cancelled;

    /**
     * @param random  the replication's random streams
     * @param metrics where components record what they measure ({@link Metrics#NONE} to discard)
     */
    public Simulator(RandomStreams random, Metrics metrics) {
        this.random = Objects.requireNonNull(random, "random");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** A simulator with streams from {@code seed}, replication 0, recording nothing. */
    public Simulator(long seed) {
        this(new RandomStreams(seed, 0), Metrics.NONE);
    }

    /** @return the virtual time in nanoseconds since the start of the run */
    public long now() {
        return now;
    }

    /** @return the virtual time in seconds */
    public double seconds() {
        return now / 1e9;
    }

    /** @return this replication's random streams */
    public RandomStreams random() {
        return random;
    }

    /** @return the metrics sink */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Schedules {@code event} {@code delay} nanoseconds from now.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public Timer schedule(long delay, Event event) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay " + delay + " ns");
        }
        return at(now + delay, event);
    }

    /**
     * Schedules {@code event} at virtual time {@code time}.
     *
     * @throws IllegalArgumentException if {@code time} is in the past
     */
    public Timer at(long time, Event event) {
        if (time < now) {
            throw new IllegalArgumentException("time " + time + " ns is before now (" + now + " ns)");
        }
        return queue.add(time, Objects.requireNonNull(event, "event"));
    }

    /**
     * Runs events until none is left, {@link #stop()} is called, {@link #cancel()} is called from
     * any thread, or the next event is due after {@code until}. A run that reached its limit, or
     * ran out of events before it, leaves the clock at {@code until} (idle time passes too); a
     * stopped run, or {@link #run()} with nothing left, leaves it at the last event's time.
     *
     * @return {@code true} if the run ended because nothing was left or the limit was reached,
     *         {@code false} if it was stopped or cancelled
     */
    public boolean runUntil(long until) {
        stopped = false;
        while (!stopped && !cancelled) {
            EventQueue.Entry next = queue.peek();
            if (next == null) {
                if (until != Long.MAX_VALUE) {
                    now = until;
                }
                return true;
            }
            if (next.time > until) {
                now = until;
                return true;
            }
            queue.removeFirst();
            now = next.time;
            next.state = 1;
            Event e = next.event;
            next.event = null;
            fired++;
            e.fire();
        }
        return false;
    }

    /** Runs until no event is left (or a stop); see {@link #runUntil(long)}. */
    public boolean run() {
        return runUntil(Long.MAX_VALUE);
    }

    /** Ends the current run after the event that is firing. */
    public void stop() {
        stopped = true;
    }

    /** Asks the run to end as soon as possible; safe from any thread, and final. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} was called */
    public boolean cancelled() {
        return cancelled;
    }

    /** @return events fired so far */
    public long eventsFired() {
        return fired;
    }

    /** @return events scheduled and neither fired nor cancelled */
    public int eventsPending() {
        return queue.pending();
    }
}
