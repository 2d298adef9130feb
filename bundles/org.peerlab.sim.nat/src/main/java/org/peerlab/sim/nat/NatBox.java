package org.peerlab.sim.nat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Simulator;

/**
 * A NAT with real state after RFC 4787: a mapping table keyed by internal endpoint and (per the
 * mapping behaviour) the remote endpoint, one external port per mapping, per-mapping filtering
 * permissions, timeouts refreshed by outbound traffic, optional hairpinning. Traversal outcomes
 * come from this state, never from a table of NAT types. Each external port carries at most one
 * mapping. Simulation thread only.
 */
public final class NatBox implements Node, Gateway {

    private record Key(Endpoint internal, long remoteKey) {
    }

    private static final class Mapping {
        final Key key;
        final int externalPort;
        final Set<Long> permissions = new HashSet<>();
        long expires;

        Mapping(Key key, int externalPort) {
            this.key = key;
            this.externalPort = externalPort;
        }
    }

    private final UdpNetwork network;
    private final NatBehaviour behaviour;
    private final Realm outer;
    private final Realm inner;
    private final int externalIp;
    private final long timeoutNanos;
    private final RandomGenerator ports;
    private final Map<Key, Mapping> byKey = new HashMap<>();
    private final Map<Integer, Mapping> byPort = new HashMap<>();
    private int nextPort;
    private long created;
    private long filtered;

    NatBox(UdpNetwork network, NatBehaviour behaviour, Realm outer, int externalIp, Realm inner) {
        this.network = network;
        this.behaviour = behaviour;
        this.outer = outer;
        this.inner = inner;
        this.externalIp = externalIp;
        this.timeoutNanos = behaviour.mappingTimeoutMillis() * Simulator.MS;
        this.ports = network.portStream();
        this.nextPort = PortAllocation.FIRST_PORT + ports.nextInt(PortAllocation.PORT_RANGE);
        outer.attach(externalIp, this);
        inner.gateway(this);
    }

    /** @return this NAT's behaviour */
    public NatBehaviour behaviour() {
        return behaviour;
    }

    /** @return the external address, in the outer realm */
    public int externalIp() {
        return externalIp;
    }

    /** @return mappings alive now (expired ones are not counted) */
    public int liveMappings() {
        long now = network.simulator().now();
        return (int) byKey.values().stream().filter(m -> m.expires > now).count();
    }

    /** @return mappings created so far */
    public long mappingsCreated() {
        return created;
    }

    /** @return inbound datagrams dropped for lack of a mapping or a permission */
    public long filtered() {
        return filtered;
    }

    @Override
    public void fromInside(Datagram datagram) {
        Mapping m = outbound(datagram.source(), datagram.destination());
        if (m == null) {
            network.drop(datagram, "ports exhausted");
            return;
        }
        Datagram out = datagram.readdressed(new Endpoint(externalIp, m.externalPort), datagram.destination());
        if (datagram.destination().ip() == externalIp) {
            if (behaviour.hairpin()) {
                receive(out);
            } else {
                network.drop(datagram, "no hairpinning");
            }
            return;
        }
        outer.send(out);
    }

    @Override
    public void receive(Datagram datagram) {
        Mapping m = live(byPort.get(datagram.destination().port()));
        if (m == null || !m.permissions.contains(behaviour.filtering().key(datagram.source()))) {
            filtered++;
            network.drop(datagram, "filtered");
            return;
        }
        inner.send(datagram.readdressed(datagram.source(), m.key.internal()));
    }

    private Mapping outbound(Endpoint internal, Endpoint remote) {
        Key key = new Key(internal, behaviour.mapping().key(remote));
        Mapping m = live(byKey.get(key));
        if (m == null) {
            int port = allocate(internal.port());
            if (port < 0) {
                return null;
            }
            m = new Mapping(key, port);
            byKey.put(key, m);
            byPort.put(port, m);
            created++;
        }
        m.expires = network.simulator().now() + timeoutNanos;
        m.permissions.add(behaviour.filtering().key(remote));
        return m;
    }

    /** @return {@code m} if it is alive; removes it and returns {@code null} if it expired */
    private Mapping live(Mapping m) {
        if (m != null && m.expires <= network.simulator().now()) {
            byKey.remove(m.key);
            byPort.remove(m.externalPort);
            return null;
        }
        return m;
    }

    private boolean free(int port) {
        return live(byPort.get(port)) == null;
    }

    private int allocate(int internalPort) {
        int start = switch (behaviour.allocation()) {
            case PRESERVING -> internalPort >= PortAllocation.FIRST_PORT ? internalPort : nextPort;
            case SEQUENTIAL -> nextPort;
            case RANDOM -> -1;
        };
        if (start < 0) {
            for (int tries = 0; tries < 64; tries++) {
                int p = PortAllocation.FIRST_PORT + ports.nextInt(PortAllocation.PORT_RANGE);
                if (free(p)) {
                    return p;
                }
            }
            start = PortAllocation.FIRST_PORT + ports.nextInt(PortAllocation.PORT_RANGE);
        }
        for (int i = 0; i < PortAllocation.PORT_RANGE; i++) {
            int p = PortAllocation.FIRST_PORT + (start - PortAllocation.FIRST_PORT + i) % PortAllocation.PORT_RANGE;
            if (free(p)) {
                if (behaviour.allocation() == PortAllocation.SEQUENTIAL) {
                    nextPort = p + 1 > PortAllocation.LAST_PORT ? PortAllocation.FIRST_PORT : p + 1;
                }
                return p;
            }
        }
        return -1;
    }
}
