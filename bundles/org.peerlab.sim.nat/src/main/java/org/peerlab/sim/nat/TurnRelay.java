package org.peerlab.sim.nat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.peerlab.sim.Simulator;

/**
 * A TURN relay on one public address: clients allocate a relayed address over UDP or TCP, install
 * permissions for peer addresses, and exchange data with peers through Send and Data indications.
 * All relayed datagrams, both directions, share one serialization queue of the relay's bandwidth:
 * a datagram waits for the link, takes {@code bytes * 8 / bandwidth} to go out, and is dropped when
 * it would wait longer than the queue limit. Simulation thread only.
 */
public final class TurnRelay {

    /** The TURN port, for UDP and TCP. */
    public static final int PORT = 3478;

    private static final class Allocation {
        final int relayPort;
        final BiConsumer<Object, Integer> toClient;
        final Set<Integer> permissions = new HashSet<>();

        Allocation(int relayPort, BiConsumer<Object, Integer> toClient) {
            this.relayPort = relayPort;
            this.toClient = toClient;
        }
    }

    private final UdpNetwork network;
    private final int ip;
    private final double bitsPerNano;
    private final long maxQueueNanos;
    private final Map<Object, Allocation> byClient = new HashMap<>();
    private final Map<Integer, Allocation> byRelayPort = new HashMap<>();
    private int nextRelayPort = 49152;
    private long busyUntil;
    private long relayedBytes;
    private long droppedBytes;

    TurnRelay(UdpNetwork network, int ip, double bandwidthMbps, long maxQueueMillis) {
        if (!(bandwidthMbps > 0)) {
            throw new IllegalArgumentException("relay bandwidth must be > 0 Mbit/s, got " + bandwidthMbps);
        }
        if (maxQueueMillis < 0) {
            throw new IllegalArgumentException("queue limit must be >= 0 ms, got " + maxQueueMillis);
        }
        this.network = network;
        this.ip = ip;
        this.bitsPerNano = bandwidthMbps * 1e6 / 1e9;
        this.maxQueueNanos = maxQueueMillis * Simulator.MS;
        network.internet().attach(ip, this::receive);
        Endpoint control = address();
        network.listenTcp(control, connection -> connection.onReceive(
                message -> control(connection, message, (m, bytes) -> connection.send(m, bytes))));
    }

    /** @return the server address clients talk to, UDP and TCP */
    public Endpoint address() {
        return new Endpoint(ip, PORT);
    }

    /** @return payload bytes relayed so far, both directions */
    public long relayedBytes() {
        return relayedBytes;
    }

    /** @return payload bytes dropped because the queue was full */
    public long droppedBytes() {
        return droppedBytes;
    }

    /** @return allocations made so far */
    public int allocations() {
        return byRelayPort.size();
    }

    private void receive(Datagram datagram) {
        if (datagram.destination().port() == PORT) {
            Endpoint client = datagram.source();
            control(client, datagram.payload(), (m, bytes) -> network.internet().send(new Datagram(address(), client, m, bytes)));
            return;
        }
        Allocation a = byRelayPort.get(datagram.destination().port());
        if (a == null || !a.permissions.contains(datagram.source().ip())) {
            network.drop(datagram, "no permission");
            return;
        }
        Endpoint peer = datagram.source();
        transmit(datagram.bytes(), () -> a.toClient.accept(new TurnMessage.Data(peer, datagram.payload(), datagram.bytes()),
                datagram.bytes() + TurnMessage.OVERHEAD_BYTES));
    }

    private void control(Object client, Object message, BiConsumer<Object, Integer> reply) {
        if (!(message instanceof TurnMessage turn)) {
            return;
        }
        switch (turn) {
            case TurnMessage.Allocate allocate -> {
                Allocation a = byClient.computeIfAbsent(client, c -> {
                    Allocation fresh = new Allocation(nextRelayPort++, reply);
                    byRelayPort.put(fresh.relayPort, fresh);
                    return fresh;
                });
                reply.accept(new TurnMessage.AllocateOk(allocate.transaction(), new Endpoint(ip, a.relayPort)), TurnMessage.CONTROL_BYTES);
            }
            case TurnMessage.CreatePermission permission -> {
                Allocation a = byClient.get(client);
                if (a != null) {
                    a.permissions.addAll(permission.peerIps());
                    reply.accept(new TurnMessage.PermissionOk(permission.transaction()), TurnMessage.CONTROL_BYTES);
                }
            }
            case TurnMessage.Send send -> {
                Allocation a = byClient.get(client);
                if (a != null && a.permissions.contains(send.peer().ip())) {
                    Endpoint from = new Endpoint(ip, a.relayPort);
                    transmit(send.bytes(), () -> network.internet().send(new Datagram(from, send.peer(), send.data(), send.bytes())));
                }
            }
            default -> {
                // responses and Data indications are never sent to a server
            }
        }
    }

    private void transmit(int bytes, Runnable out) {
        Simulator sim = network.simulator();
        long start = Math.max(sim.now(), busyUntil);
        if (start - sim.now() > maxQueueNanos) {
            droppedBytes += bytes;
            return;
        }
        busyUntil = start + Math.max(1, Math.round(bytes * 8 / bitsPerNano));
        relayedBytes += bytes;
        sim.at(busyUntil, out::run);
    }
}
