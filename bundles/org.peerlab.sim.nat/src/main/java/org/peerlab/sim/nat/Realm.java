package org.peerlab.sim.nat;

import java.util.HashMap;
import java.util.Map;

/**
 * One addressing domain: the public internet, or the private side of a NAT or firewall. Routes a
 * datagram to the node holding its destination address, else to the realm's gateway, else drops
 * it (a private address is not routable on the internet).
 */
final class Realm {

    private final UdpNetwork network;
    private final boolean internet;
    private final Map<Integer, Node> nodes = new HashMap<>();
    private Gateway gateway;

    Realm(UdpNetwork network, boolean internet) {
        this.network = network;
        this.internet = internet;
    }

    boolean internet() {
        return internet;
    }

    void attach(int ip, Node node) {
        if (nodes.putIfAbsent(ip, node) != null) {
            throw new IllegalStateException("address " + Endpoint.formatIp(ip) + " is taken in this realm");
        }
    }

    void gateway(Gateway way) {
        this.gateway = way;
    }

    /** Sends {@code datagram} across this realm, with this realm's delay and loss. */
    void send(Datagram datagram) {
        Node target = nodes.get(datagram.destination().ip());
        if (target != null) {
            network.hop(this, datagram, target::receive);
        } else if (gateway != null) {
            network.hop(this, datagram, gateway::fromInside);
        } else {
            network.drop(datagram, "no route");
        }
    }
}
