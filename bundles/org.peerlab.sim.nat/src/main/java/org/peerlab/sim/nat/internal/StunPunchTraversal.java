package org.peerlab.sim.nat.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.sim.nat.Candidate;
import org.peerlab.sim.nat.NatTraversal;

/**
 * Classic UDP hole punching (Ford, Srisuresh and Kegel 2005): learn the reflexive address from
 * STUN, exchange it, and both send checks to the other's reflexive address, answering with
 * triggered checks to wherever checks arrive from. Host addresses are not tried, so two peers
 * behind one NAT connect only through hairpinning.
 */
@Component(service = { NatTraversal.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + NatTraversal.FAMILY, Strategy.NAME_PROPERTY + "=stun-punch" })
public class StunPunchTraversal extends CandidateTraversal {

    public StunPunchTraversal() {
        super("stun-punch", "UDP hole punching between STUN server-reflexive addresses");
    }

    @Override
    CandidatePolicy policy(Parameters p) {
        return new CandidatePolicy(true, false, false, true, false, Set.of(Candidate.Kind.SERVER_REFLEXIVE), false,
                pacing(p), timeout(p), 0, RETRY, TRIES);
    }
}
