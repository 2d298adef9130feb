package org.peerlab.sim;

/** A scheduled event that can still be cancelled. */
public interface Timer {

    /** @return the virtual time, in nanoseconds, the event is due */
    long time();

    /** @return whether the event has neither fired nor been cancelled */
    boolean pending();

    /**
     * Keeps the event from firing.
     *
     * @return {@code true} if it was pending, {@code false} if it had fired or was cancelled already
     */
    boolean cancel();
}
