package org.peerlab.sim.nat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.nat.NatMachine;
import org.peerlab.sim.nat.NatTraversal;
import org.peerlab.sim.nat.TraversalContext;

/**
 * Base of the candidate-based strategies: the shared parameters ({@code timeout-ms},
 * {@code pacing-ms}) and the check that parameters were bound for this strategy.
 */
abstract class CandidateTraversal implements NatTraversal {

    private final StrategyDescriptor descriptor;

    CandidateTraversal(String name, String description, ParameterSpec... extra) {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.integer("timeout-ms", "give up after this many milliseconds", 10_000, 100, 600_000));
        specs.add(ParameterSpec.decimal("pacing-ms", "interval between connectivity checks (ICE Ta), milliseconds", 20.0, 1.0, 1000.0));
        specs.addAll(List.of(extra));
        this.descriptor = new StrategyDescriptor(FAMILY, name, description, specs);
    }

    @Override
    public final StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final NatMachine newAttempt(TraversalContext context, Parameters parameters) {
        Objects.requireNonNull(context, "context");
        if (!parameters.descriptor().key().equals(descriptor.key())) {
            throw new IllegalArgumentException("parameters bound for " + parameters.descriptor().key() + ", not " + descriptor.key());
        }
        return new CandidateMachine(context, policy(parameters));
    }

    /** @return this strategy's policy for the bound parameters */
    abstract CandidatePolicy policy(Parameters parameters);

    static long timeout(Parameters p) {
        return p.getLong("timeout-ms") * Simulator.MS;
    }

    static long pacing(Parameters p) {
        return Math.round(p.getDouble("pacing-ms") * Simulator.MS);
    }

    /** STUN/TURN requests: four tries, 250 ms apart (RFC 8489 uses 500 ms doubling; shorter keeps attempts brisk). */
    static final long RETRY = 250 * Simulator.MS;
    static final int TRIES = 4;
}
