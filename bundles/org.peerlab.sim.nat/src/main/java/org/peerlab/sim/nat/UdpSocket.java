package org.peerlab.sim.nat;

import java.util.Objects;
import java.util.function.Consumer;

/** A bound UDP socket of a {@link Host}. Simulation thread only. */
public final class UdpSocket {

    private final Host host;
    private final Endpoint local;
    private Consumer<Datagram> receiver = d -> { };
    private boolean closed;

    UdpSocket(Host host, Endpoint local) {
        this.host = host;
        this.local = local;
    }

    /** @return the local address (private behind a NAT) */
    public Endpoint local() {
        return local;
    }

    /** Sets what is called with each datagram that arrives on this socket. */
    public void onReceive(Consumer<Datagram> handler) {
        this.receiver = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Sends a datagram from this socket; does nothing once closed.
     *
     * @param bytes wire size in bytes, at least 1
     */
    public void send(Endpoint to, Object payload, int bytes) {
        if (!closed) {
            host.send(new Datagram(local, Objects.requireNonNull(to, "to"), payload, bytes));
        }
    }

    /** Unbinds the socket; datagrams to its port are then dropped. */
    public void close() {
        if (!closed) {
            closed = true;
            host.unbind(this);
        }
    }

    void deliver(Datagram datagram) {
        if (!closed) {
            receiver.accept(datagram);
        }
    }
}
