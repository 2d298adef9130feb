package org.peerlab.sim.nat.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.nat.Candidate;
import org.peerlab.sim.nat.NatTraversal;

/**
 * ICE (RFC 8445, full, one component, regular nomination): gather host, server-reflexive and
 * relayed candidates, check every pair from the socket and from the relay in priority order, and
 * let the controlling side nominate the best valid pair after a short wait, so host beats
 * reflexive beats relay whenever more than one works.
 */
@Component(service = { NatTraversal.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + NatTraversal.FAMILY, Strategy.NAME_PROPERTY + "=ice" })
public class IceTraversal extends CandidateTraversal {

    public IceTraversal() {
        super("ice", "ICE: host, server-reflexive and relay candidates, prioritised checks, nomination",
                ParameterSpec.decimal("nomination-ms", "wait after the first valid pair before nominating the best, milliseconds",
                        200.0, 0.0, 10_000.0),
                ParameterSpec.bool("tcp-fallback", "allocate over TCP when the relay does not answer over UDP", true));
    }

    @Override
    CandidatePolicy policy(Parameters p) {
        return new CandidatePolicy(true, true, p.getBoolean("tcp-fallback"), true, true,
                Set.of(Candidate.Kind.HOST, Candidate.Kind.SERVER_REFLEXIVE, Candidate.Kind.RELAY), true,
                pacing(p), timeout(p), Math.round(p.getDouble("nomination-ms") * Simulator.MS), RETRY, TRIES);
    }
}
