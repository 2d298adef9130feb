package org.peerlab.sim.nat;

/** The way out of a private realm: a NAT or a firewall. */
interface Gateway {

    /** Called when a datagram from inside is addressed to no node of the inside realm. */
    void fromInside(Datagram datagram);
}
