package org.peerlab.sim.nat;

import java.util.Objects;

/**
 * How one side's attempt ended.
 *
 * @param path   the kind of path, {@link TraversalPath#FAILED} when none
 * @param reason one line: which pair worked, or why nothing did
 * @param socket the machine's socket id carrying the path (the TURN socket when relayed), or -1
 * @param remote the peer address this side sends to (for a relayed path the peer address given to
 *               the relay), or {@code null} when failed
 */
public record TraversalOutcome(TraversalPath path, String reason, int socket, Endpoint remote) {

    public TraversalOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return a failure with {@code reason} */
    public static TraversalOutcome failed(String reason) {
        return new TraversalOutcome(TraversalPath.FAILED, reason, -1, null);
    }

    /** @return whether a path was found */
    public boolean success() {
        return path != TraversalPath.FAILED;
    }
}
