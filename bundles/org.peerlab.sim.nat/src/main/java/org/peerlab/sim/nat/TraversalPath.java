package org.peerlab.sim.nat;

/** The kind of path an attempt ended with, from best to worst. */
public enum TraversalPath {
    /** A host address of one side was reached as is: same LAN, or a public peer. */
    DIRECT,
    /** Both sides' NAT state had to be opened from inside (UDP hole punching, incl. birthday probing). */
    PUNCHED,
    /** Through a TURN relay. */
    RELAYED,
    /** No path. */
    FAILED;

    /** @return the worse of the two */
    public TraversalPath worse(TraversalPath other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** @return the better of the two */
    public TraversalPath better(TraversalPath other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
