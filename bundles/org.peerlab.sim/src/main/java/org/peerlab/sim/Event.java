package org.peerlab.sim;

/**
 * Something that happens at one instant of virtual time. A lambda, or a typed object when the
 * event carries data worth inspecting (a packet arrival, a timeout).
 */
@FunctionalInterface
public interface Event {

    /** Runs the event; {@link Simulator#now()} is its scheduled time. */
    void fire();
}
