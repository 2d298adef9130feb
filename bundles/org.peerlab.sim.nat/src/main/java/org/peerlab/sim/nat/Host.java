package org.peerlab.sim.nat;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * An end host with one address in its site's realm. Binds UDP sockets on ephemeral ports drawn
 * from 49152..65535 (stream {@code nat-host-ports}) and opens TCP connections to servers.
 */
public final class Host implements Node {

    private final UdpNetwork network;
    private final Realm realm;
    private final int ip;
    private final RandomGenerator ephemeral;
    private final Map<Integer, UdpSocket> sockets = new HashMap<>();

    Host(UdpNetwork network, Realm realm, int ip) {
        this.network = network;
        this.realm = realm;
        this.ip = ip;
        this.ephemeral = network.simulator().random().stream("nat-host-ports");
    }

    /** @return this host's address in its own realm (private behind a NAT) */
    public int ip() {
        return ip;
    }

    /** @return the network this host is part of */
    public UdpNetwork network() {
        return network;
    }

    /**
     * Binds a UDP socket on a free ephemeral port.
     *
     * @throws IllegalStateException if all 16,384 ephemeral ports are bound
     */
    public UdpSocket bind() {
        int start = 49152 + ephemeral.nextInt(16384);
        for (int i = 0; i < 16384; i++) {
            int port = 49152 + (start - 49152 + i) % 16384;
            if (!sockets.containsKey(port)) {
                return bind(port);
            }
        }
        throw new IllegalStateException("no free ephemeral port on " + Endpoint.formatIp(ip));
    }

    /**
     * Binds a UDP socket on {@code port}.
     *
     * @throws IllegalStateException if the port is bound already
     */
    public UdpSocket bind(int port) {
        UdpSocket socket = new UdpSocket(this, new Endpoint(ip, port));
        if (sockets.putIfAbsent(port, socket) != null) {
            throw new IllegalStateException("port " + port + " is bound already on " + Endpoint.formatIp(ip));
        }
        return socket;
    }

    /**
     * Opens a TCP connection to {@code server}.
     *
     * @return the client end, or {@code null} when nothing listens at {@code server} (refused)
     */
    public TcpConnection openTcp(Endpoint server) {
        return network.connectTcp(server);
    }

    @Override
    public void receive(Datagram datagram) {
        UdpSocket socket = sockets.get(datagram.destination().port());
        if (socket == null) {
            network.drop(datagram, "port unreachable");
            return;
        }
        socket.deliver(datagram);
    }

    void send(Datagram datagram) {
        realm.send(datagram);
    }

    void unbind(UdpSocket socket) {
        sockets.remove(socket.local().port(), socket);
    }
}
