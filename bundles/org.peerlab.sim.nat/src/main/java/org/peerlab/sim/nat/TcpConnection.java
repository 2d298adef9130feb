package org.peerlab.sim.nat;

import java.util.Objects;
import java.util.function.Consumer;

import org.peerlab.sim.Simulator;

/**
 * One end of a reliable, ordered message connection (TCP or TLS to a TURN server). Messages take
 * the internet's one-way delay, are never lost and never overtake each other. NATs and
 * UDP-blocking firewalls let such connections through.
 */
public final class TcpConnection {

    private final UdpNetwork network;
    private TcpConnection peer;
    private Consumer<Object> receiver = m -> { };
    private long lastArrival;
    private boolean closed;

    TcpConnection(UdpNetwork network) {
        this.network = network;
    }

    void peer(TcpConnection other) {
        this.peer = other;
    }

    /** Sets what is called with each message that arrives at this end. */
    public void onReceive(Consumer<Object> handler) {
        this.receiver = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Sends {@code message} to the other end; does nothing once either end is closed.
     *
     * @param bytes wire size, for accounting; at least 1
     */
    public void send(Object message, int bytes) {
        Objects.requireNonNull(message, "message");
        if (bytes < 1) {
            throw new IllegalArgumentException("a message has at least 1 byte, got " + bytes);
        }
        if (closed || peer.closed) {
            return;
        }
        Simulator sim = network.simulator();
        long arrival = Math.max(lastArrival, sim.now() + network.internetDelayNanos());
        lastArrival = arrival;
        TcpConnection target = peer;
        sim.at(arrival, () -> {
            if (!target.closed) {
                target.receiver.accept(message);
            }
        });
    }

    /** Closes this end; later messages in either direction are discarded. */
    public void close() {
        closed = true;
    }
}
