package org.peerlab.sim.nat.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.sim.nat.Candidate;
import org.peerlab.sim.nat.NatTraversal;

/** No help from servers: each side checks the other's host address; works on one LAN or towards a public peer. */
@Component(service = { NatTraversal.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + NatTraversal.FAMILY, Strategy.NAME_PROPERTY + "=direct" })
public class DirectTraversal extends CandidateTraversal {

    public DirectTraversal() {
        super("direct", "Connectivity checks to the peer's host address only, no STUN or TURN");
    }

    @Override
    CandidatePolicy policy(Parameters p) {
        return new CandidatePolicy(false, false, false, true, false, Set.of(Candidate.Kind.HOST), false,
                pacing(p), timeout(p), 0, RETRY, TRIES);
    }
}
