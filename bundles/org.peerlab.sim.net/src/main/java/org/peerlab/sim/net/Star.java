package org.peerlab.sim.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hosts that each have an access link pair to one core router: the simplest topology for many
 * peers. A path between two hosts crosses the sender's uplink and the receiver's downlink, so
 * the access links are where queues build up. Hosts may be attached at any time (routes of a
 * new host are computed on its first packet).
 */
public final class Star {

    private final SimNetwork network;
    private final Router core;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Duplex> access = new ArrayList<>();

    /** Adds router {@code core} to {@code network}; no hosts yet. */
    public Star(SimNetwork network) {
        this.network = network;
        this.core = network.router("core");
    }

    /**
     * Adds host {@code name} with an uplink of {@code up} and a downlink of {@code down}.
     *
     * @return the new host
     */
    public Host attach(String name, LinkSpec up, LinkSpec down) {
        Host host = network.host(name);
        access.add(network.connect(host, core, up, down));
        hosts.add(host);
        return host;
    }

    /** @return the core router */
    public Router core() {
        return core;
    }

    /** @return the hosts, in order of attachment */
    public List<Host> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    /** @return the access link pair of the {@code index}-th host: forward is its uplink */
    public Duplex access(int index) {
        return access.get(index);
    }
}
