package org.peerlab.sim.nat;

import java.util.Objects;

/** What a driver tells a {@link NatMachine}. */
public sealed interface MachineInput {

    /** Begin. */
    record Start() implements MachineInput {
    }

    /**
     * The socket the machine asked for is open.
     *
     * @param socket the machine's socket id
     * @param local  its local address ({@code null} for a TCP connection)
     */
    record Bound(int socket, Endpoint local) implements MachineInput {
    }

    /**
     * Something arrived on a socket.
     *
     * @param socket  the machine's socket id
     * @param from    the sender as seen by this host (the server for a TCP connection)
     * @param payload the message
     */
    record Received(int socket, Endpoint from, Object payload) implements MachineInput {
        public Received {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** A message from the peer over the rendezvous (signaling) channel. */
    record SignalReceived(Object message) implements MachineInput {
        public SignalReceived {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A timer the machine set is due. */
    record TimerFired(int timer) implements MachineInput {
    }
}
