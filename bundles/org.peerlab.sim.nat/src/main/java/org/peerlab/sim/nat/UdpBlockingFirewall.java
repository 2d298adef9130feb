package org.peerlab.sim.nat;

/** A firewall that lets no UDP out (and so none back in); TCP bypasses it in this model. */
final class UdpBlockingFirewall implements Gateway {

    private final UdpNetwork network;
    private long blocked;

    UdpBlockingFirewall(UdpNetwork network, Realm inside) {
        this.network = network;
        inside.gateway(this);
    }

    @Override
    public void fromInside(Datagram datagram) {
        blocked++;
        network.drop(datagram, "udp blocked");
    }

    long blocked() {
        return blocked;
    }
}
