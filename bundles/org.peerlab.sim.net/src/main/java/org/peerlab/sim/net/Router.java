package org.peerlab.sim.net;

/** A node that forwards packets along their paths; packets addressed to it are dropped. */
public final class Router extends Node {

    Router(SimNetwork network, int id, String name) {
        super(network, id, name);
    }

    @Override
    void receive(Packet packet) {
        network.unroutable++;
    }
}
