package org.peerlab.sim.nat.internal;

import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.nat.NatMachine;
import org.peerlab.sim.nat.NatTraversal;
import org.peerlab.sim.nat.PortAllocation;
import org.peerlab.sim.nat.TraversalContext;

/**
 * Birthday-paradox hole punching against one endpoint-dependent NAT (as described in Tailscale's
 * "How NAT traversal works"): n sockets on the hard side, m random probes from the easy side; see
 * {@link BirthdayPunchMachine}. With n = 256 and m = 256 over 64,512 ports about 64% of attempts
 * hit; m = 1024 gives about 98%.
 */
@Component(service = { NatTraversal.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + NatTraversal.FAMILY, Strategy.NAME_PROPERTY + "=birthday-punch" })
public class BirthdayPunchTraversal implements NatTraversal {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "birthday-punch",
            "Hole punching with many sockets against random probes when one NAT maps per destination",
            ParameterSpec.integer("sockets", "sockets the endpoint-dependent side opens towards the peer", 256, 1, 4096),
            ParameterSpec.integer("probes", "distinct random ports the other side probes", 256, 0, PortAllocation.PORT_RANGE),
            ParameterSpec.decimal("probe-interval-ms", "interval between two probes, milliseconds", 2.0, 0.01, 1000.0),
            ParameterSpec.integer("resend-ms", "interval at which punching sockets resend, milliseconds", 500, 10, 60_000),
            ParameterSpec.integer("timeout-ms", "give up after this many milliseconds", 10_000, 100, 600_000));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NatMachine newAttempt(TraversalContext context, Parameters parameters) {
        Objects.requireNonNull(context, "context");
        if (!parameters.descriptor().key().equals(DESCRIPTOR.key())) {
            throw new IllegalArgumentException("parameters bound for " + parameters.descriptor().key() + ", not " + DESCRIPTOR.key());
        }
        return new BirthdayPunchMachine(context, parameters.getInt("sockets"), parameters.getInt("probes"),
                Math.round(parameters.getDouble("probe-interval-ms") * Simulator.MS), parameters.getLong("resend-ms") * Simulator.MS,
                parameters.getLong("timeout-ms") * Simulator.MS);
    }
}
