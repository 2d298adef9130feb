package org.peerlab.sim.nat;

import java.util.Objects;
import java.util.Optional;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * What one side of an attempt knows before it starts.
 *
 * @param role      controlling (the initiator, who nominates in ICE) or controlled
 * @param localTag  this side's name in connectivity checks (an ICE ufrag); distinct from the peer's
 * @param peerTag   the peer's name in connectivity checks
 * @param stun      the STUN server's primary endpoint, if one is available
 * @param turn      the TURN relay's endpoint, if one is available
 * @param random    the stream for the machine's random choices (probe ports); the driver owns it
 */
public record TraversalContext(Role role, String localTag, String peerTag, Optional<Endpoint> stun,
        Optional<Endpoint> turn, RandomGenerator random) {

    /** Which side of the attempt. */
    public enum Role {
        /** Starts the attempt and, in ICE, nominates the pair. */
        CONTROLLING,
        /** Answers. */
        CONTROLLED
    }

    public TraversalContext {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(peerTag, "peerTag");
        Objects.requireNonNull(stun, "stun");
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(random, "random");
        if (localTag.equals(peerTag)) {
            throw new IllegalArgumentException("local and peer tags must differ, both are '" + localTag + "'");
        }
    }
}
