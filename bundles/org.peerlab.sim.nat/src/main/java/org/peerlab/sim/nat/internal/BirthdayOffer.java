package org.peerlab.sim.nat.internal;

import org.peerlab.sim.nat.Endpoint;

/**
 * Signaling messages of birthday punching.
 */
sealed interface BirthdayOffer {

    /** @return the sender's check tag */
    String sender();

    /**
     * What a side learned from STUN.
     *
     * @param reflexive         its server-reflexive address, or {@code null} when STUN got no answer
     * @param endpointDependent whether its NAT mapped the primary and the alternate STUN address differently
     */
    record Mapping(String sender, Endpoint reflexive, boolean endpointDependent) implements BirthdayOffer {
    }

    /** The endpoint-dependent side has opened all its probe sockets towards the peer. */
    record PortsOpen(String sender) implements BirthdayOffer {
    }
}
