package org.peerlab.sim.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A point of the simulated network: a {@link Host} that sends and receives, or a {@link Router}
 * that only forwards. Packets are routed along precomputed paths, so a router holds no logic of
 * its own: its queues are those of its outgoing links.
 */
public abstract sealed class Node permits Host, Router {

    final SimNetwork network;
    final int id;
    private final String name;
    final List<Link> outgoing = new ArrayList<>();

    Node(SimNetwork network, int id, String name) {
        this.network = network;
        this.id = id;
        this.name = name;
    }

    /** @return the node's unique name */
    public final String name() {
        return name;
    }

    /** @return the links leaving this node */
    public final List<Link> links() {
        return Collections.unmodifiableList(outgoing);
    }

    /** A packet whose path ends here arrived. */
    abstract void receive(Packet packet);

    @Override
    public String toString() {
        return name;
    }
}
