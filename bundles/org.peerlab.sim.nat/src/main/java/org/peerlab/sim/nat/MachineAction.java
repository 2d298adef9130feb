package org.peerlab.sim.nat;

import java.util.Objects;

/** What a {@link NatMachine} asks its driver to do. */
public sealed interface MachineAction {

    /** Open a UDP socket on an ephemeral port and call it {@code socket}. */
    record Bind(int socket) implements MachineAction {
    }

    /** Open a TCP connection to {@code server} and call it {@code socket}. */
    record OpenTcp(int socket, Endpoint server) implements MachineAction {
        public OpenTcp {
            Objects.requireNonNull(server, "server");
        }
    }

    /**
     * Send a datagram from {@code socket} to {@code to} (for a TCP socket, {@code to} is its server).
     *
     * @param bytes wire size in bytes, at least 1
     */
    record Send(int socket, Endpoint to, Object payload, int bytes) implements MachineAction {
        public Send {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** Send {@code message} to the peer over the rendezvous channel (reliable, ordered). */
    record Signal(Object message) implements MachineAction {
        public Signal {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Fire {@link MachineInput.TimerFired} for {@code timer} after {@code delayNanos}, replacing any pending one. */
    record SetTimer(int timer, long delayNanos) implements MachineAction {
        public SetTimer {
            if (delayNanos < 0) {
                throw new IllegalArgumentException("negative timer delay " + delayNanos + " ns");
            }
        }
    }

    /** Cancel {@code timer} if pending. */
    record CancelTimer(int timer) implements MachineAction {
    }

    /** The machine's result (a {@link TraversalOutcome} or a {@link NatClassification}); emitted once. */
    record Finish(Object result) implements MachineAction {
        public Finish {
            Objects.requireNonNull(result, "result");
        }
    }
}
