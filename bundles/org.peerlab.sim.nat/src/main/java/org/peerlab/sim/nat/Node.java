package org.peerlab.sim.nat;

/** Something with an address in a {@link Realm} that datagrams are delivered to. */
interface Node {

    /** Called on the simulation thread when {@code datagram} arrives at this node. */
    void receive(Datagram datagram);
}
