package org.peerlab.sim.net;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Transport;

/**
 * A host of the simulated network: it listens on ports, opens stream connections and may crash
 * and recover. A crash ends every connection and listener of the host at once (their handlers
 * hear {@code onClosed} with an {@link IOException}); packets reaching a crashed host are lost, and
 * after recovery packets of connections it no longer knows are answered with a reset. Simulation
 * thread only.
 */
public final class Host extends Node {

    /** First port handed out to connecting endpoints. */
    static final int FIRST_EPHEMERAL = 49152;

    private final Map<Long, StreamEndpoint> endpoints = new HashMap<>();
    private final Map<Integer, SimListener> listeners = new HashMap<>();
    private int nextPort = FIRST_EPHEMERAL;
    private boolean up = true;
    private long droppedWhileDown;
    private SimTransport transport;

    Host(SimNetwork network, int id, String name) {
        super(network, id, name);
    }

    /** @return this host's transport (one per host, made on first use) */
    public SimTransport transport() {
        if (transport == null) {
            transport = new SimTransport(this);
        }
        return transport;
    }

    /** @return the network the host belongs to */
    public SimNetwork network() {
        return network;
    }

    /** @return whether the host is running */
    public boolean isUp() {
        return up;
    }

    /** Crashes the host: all its connections and listeners are lost. No effect if already down. */
    public void crash() {
        if (!up) {
            return;
        }
        up = false;
        listeners.clear();
        List<StreamEndpoint> lost = new ArrayList<>(endpoints.values());
        endpoints.clear();
        IOException cause = new IOException("host " + name() + " crashed");
        for (StreamEndpoint e : lost) {
            e.crash(cause);
        }
    }

    /** Brings a crashed host back, with no connections and no listeners. */
    public void recover() {
        up = true;
    }

    /** @return connections of this host that are opening, open or closing */
    public int connectionCount() {
        return endpoints.size();
    }

    /** @return packets that reached this host while it was down */
    public long packetsDroppedWhileDown() {
        return droppedWhileDown;
    }

    static long key(int localPort, Host peer, int peerPort) {
        return (long) localPort << 48 | (long) peerPort << 32 | peer.id & 0xffffffffL;
    }

    SimListener listen(int port, Transport.HandlerFactory handlers, TransportLimits limits) throws IOException {
        if (!up) {
            throw new IOException("host " + name() + " is down");
        }
        if (port == 0) {
            port = freePort();
        }
        if (port < 1 || port > 65535) {
            throw new IOException("port " + port + " is not in 1..65535");
        }
        if (listeners.containsKey(port)) {
            throw new IOException(name() + ":" + port + " is already in use");
        }
        SimListener listener = new SimListener(this, port, handlers, limits);
        listeners.put(port, listener);
        return listener;
    }

    void unlisten(SimListener listener) {
        listeners.remove(listener.port(), listener);
    }

    void connect(Host target, int port, ConnectionHandler handler, TransportLimits limits) {
        SimConnection connection = new SimConnection(handler, null, limits);
        if (!up) {
            network.simulator().schedule(0, () -> handler.onClosed(connection, new ConnectException("host " + name() + " is down")));
            return;
        }
        StreamEndpoint endpoint = new StreamEndpoint(this, target, freePort(), port, connection, StreamEndpoint.State.SYN_SENT);
        endpoints.put(endpoint.key, endpoint);
        endpoint.open();
    }

    void forget(StreamEndpoint endpoint) {
        endpoints.remove(endpoint.key, endpoint);
    }

    void transmit(Packet p) {
        if (!up) {
            return;
        }
        if (p.route == null) {
            network.unroutable++;
            return;
        }
        p.route[0].send(p);
    }

    @Override
    void receive(Packet p) {
        if (!up) {
            droppedWhileDown++;
            return;
        }
        StreamEndpoint endpoint = endpoints.get(key(p.destinationPort, p.source, p.sourcePort));
        if (endpoint != null) {
            endpoint.onPacket(p);
            return;
        }
        SimListener listener = listeners.get(p.destinationPort);
        if (p.has(Packet.SYN) && !p.has(Packet.ACK) && listener != null) {
            SimConnection connection = new SimConnection(null, listener.handlers(), listener.limits());
            StreamEndpoint accepted = new StreamEndpoint(this, p.source, p.destinationPort, p.sourcePort, connection, StreamEndpoint.State.SYN_RECEIVED);
            endpoints.put(accepted.key, accepted);
            accepted.accept(p.stream);
        } else if (!p.has(Packet.RST)) {
            transmit(new Packet(this, p.source, p.destinationPort, p.sourcePort, Packet.RST, 0, 0, 0, network.streamConfig().headerBytes(), null, null,
                    network.route(this, p.source)));
        }
    }

    private int freePort() {
        for (int tries = 0; tries < 65536 - FIRST_EPHEMERAL; tries++) {
            int port = nextPort;
            nextPort = nextPort == 65535 ? FIRST_EPHEMERAL : nextPort + 1;
            if (!listeners.containsKey(port) && !portInUse(port)) {
                return port;
            }
        }
        throw new IllegalStateException("host " + name() + " has no free port left");
    }

    private boolean portInUse(int port) {
        for (StreamEndpoint e : endpoints.values()) {
            if (e.localPort == port) {
                return true;
            }
        }
        return false;
    }
}
