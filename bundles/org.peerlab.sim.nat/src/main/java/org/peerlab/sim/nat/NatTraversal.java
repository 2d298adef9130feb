package org.peerlab.sim.nat;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/**
 * A NAT traversal strategy: how two peers, each behind whatever its site has, get a working UDP
 * path (or a relayed one). Implementations are DS components with {@code strategy.family =}
 * {@value #FAMILY}. Thread-safe: each attempt gets its own machine.
 */
public interface NatTraversal extends Strategy {

    /** The strategy family name. */
    String FAMILY = "nat-traversal";

    /**
     * Creates the state machine of one side of one attempt. Both sides use the same strategy and
     * parameters; the machine finishes with a {@link TraversalOutcome}.
     *
     * @param context    this side's role, tags, servers and random stream
     * @param parameters values bound by this strategy's descriptor
     * @throws IllegalArgumentException if {@code parameters} were bound for another strategy
     */
    NatMachine newAttempt(TraversalContext context, Parameters parameters);
}
