package org.peerlab.sim.nat;

import java.util.ArrayList;
import java.util.List;

/**
 * The hosts of one network attachment: a public address, a UDP-blocking firewall, one NAT or two
 * (home behind carrier). Hosts added to one site share its NAT, so hairpinning matters between
 * them. Private sites number their hosts 192.168.1.2, .3, ... (every site reuses the range, as
 * real homes do).
 */
public final class Site {

    private final UdpNetwork network;
    private final Access access;
    private final Realm realm;
    private final List<NatBox> nats = new ArrayList<>();
    private int nextHost = Endpoint.parseIp("192.168.1.2");

    Site(UdpNetwork network, Access access) {
        this.network = network;
        this.access = access;
        switch (access) {
            case Access.Public p -> realm = network.internet();
            case Access.UdpBlocked b -> {
                realm = new Realm(network, false);
                new UdpBlockingFirewall(network, realm);
            }
            case Access.Nat n -> {
                realm = new Realm(network, false);
                nats.add(new NatBox(network, n.behaviour(), network.internet(), network.allocatePublicIp(), realm));
            }
            case Access.DoubleNat d -> {
                Realm carrier = new Realm(network, false);
                nats.add(new NatBox(network, d.carrier(), network.internet(), network.allocatePublicIp(), carrier));
                realm = new Realm(network, false);
                nats.add(new NatBox(network, d.home(), carrier, Endpoint.parseIp("100.64.0.2"), realm));
            }
        }
    }

    /** @return how this site is attached */
    public Access access() {
        return access;
    }

    /** @return this site's NATs, outermost first; empty for public and firewalled sites */
    public List<NatBox> nats() {
        return List.copyOf(nats);
    }

    /** Adds a host: with a fresh public address on a public site, else the next private address. */
    public Host addHost() {
        int ip = realm.internet() ? network.allocatePublicIp() : nextHost++;
        Host host = new Host(network, realm, ip);
        realm.attach(ip, host);
        return host;
    }
}
