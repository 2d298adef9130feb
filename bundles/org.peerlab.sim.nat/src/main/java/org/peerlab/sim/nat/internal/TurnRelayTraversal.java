package org.peerlab.sim.nat.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.sim.nat.Candidate;
import org.peerlab.sim.nat.NatTraversal;

/**
 * Relay only: both sides allocate on the TURN server (over UDP, falling back to TCP when UDP gets
 * no answer), permit each other and exchange checks between the two relayed addresses.
 */
@Component(service = { NatTraversal.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + NatTraversal.FAMILY, Strategy.NAME_PROPERTY + "=turn-relay" })
public class TurnRelayTraversal extends CandidateTraversal {

    public TurnRelayTraversal() {
        super("turn-relay", "Relay through a TURN allocation on each side, UDP or TCP to the relay",
                ParameterSpec.bool("tcp-fallback", "allocate over TCP when the relay does not answer over UDP", true));
    }

    @Override
    CandidatePolicy policy(Parameters p) {
        return new CandidatePolicy(false, true, p.getBoolean("tcp-fallback"), false, true, Set.of(Candidate.Kind.RELAY), false,
                pacing(p), timeout(p), 0, RETRY, TRIES);
    }
}
