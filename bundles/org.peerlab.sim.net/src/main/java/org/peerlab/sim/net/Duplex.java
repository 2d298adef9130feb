package org.peerlab.sim.net;

/**
 * The two directions of a link between two nodes.
 *
 * @param forward from the first node to the second
 * @param reverse from the second node to the first
 */
public record Duplex(Link forward, Link reverse) {

    /** Takes both directions down (a cut cable). */
    public void down() {
        forward.down();
        reverse.down();
    }

    /** Brings both directions back up. */
    public void up() {
        forward.up();
        reverse.up();
    }
}
