package org.peerlab.sim.nat;

import java.util.Objects;

/**
 * A transport address a peer may be reached at (RFC 8445 section 5.1.1).
 *
 * @param kind    how the address was found
 * @param address the address
 */
public record Candidate(Kind kind, Endpoint address) {

    /** Candidate types with their RFC 8445 recommended type preferences. */
    public enum Kind {
        /** The socket's own address. */
        HOST(126),
        /** Learned from a check that arrived from an unexpected address. */
        PEER_REFLEXIVE(110),
        /** The socket's address as a STUN server saw it. */
        SERVER_REFLEXIVE(100),
        /** A TURN relayed address. */
        RELAY(0);

        private final int typePreference;

        Kind(int typePreference) {
            this.typePreference = typePreference;
        }

        /** @return the type preference, 0..126 */
        public int typePreference() {
            return typePreference;
        }
    }

    public Candidate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    /** @return the candidate priority of RFC 8445 section 5.1.2.1 for one component, local preference 65535 */
    public long priority() {
        return ((long) kind.typePreference << 24) + (65535L << 8) + 255;
    }
}
