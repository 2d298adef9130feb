package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Simulator;

/** Two peers behind one NAT, and peers behind a firewall that blocks UDP. */
class HairpinAndFirewallTest {

    private static TraversalAttempt sameNat(String strategy, boolean hairpin) {
        Simulator sim = new Simulator(hairpin ? 9 : 10);
        return Strategies.attempt(sim, Strategies.network(sim), strategy, Map.of(),
                Access.nat(NatType.PORT_RESTRICTED_CONE, hairpin), null);
    }

    @Test
    void reflexivePunchingBehindOneNatNeedsHairpinning() {
        assertEquals(TraversalPath.PUNCHED, sameNat("stun-punch", true).path());
        assertEquals(TraversalPath.FAILED, sameNat("stun-punch", false).path());
    }

    @Test
    void iceUsesHostCandidatesBehindOneNat() {
        assertEquals(TraversalPath.DIRECT, sameNat("ice", false).path());
        assertEquals(TraversalPath.DIRECT, sameNat("ice", true).path());
        assertEquals(TraversalPath.DIRECT, sameNat("direct", false).path());
    }

    private static TraversalAttempt blocked(String strategy, Map<String, String> params) {
        Simulator sim = new Simulator(11);
        return Strategies.attempt(sim, Strategies.network(sim), strategy, params, Access.udpBlocked(),
                Access.nat(NatType.PORT_RESTRICTED_CONE));
    }

    @Test
    void udpBlockedPeerConnectsOnlyThroughTheRelayOverTcp() {
        for (String s : new String[] {"direct", "stun-punch", "birthday-punch"}) {
            assertEquals(TraversalPath.FAILED, blocked(s, Map.of()).path(), s);
        }
        TraversalAttempt relay = blocked("turn-relay", Map.of());
        assertEquals(TraversalPath.RELAYED, relay.path(), relay.reason());
        assertEquals(TraversalPath.RELAYED, blocked("ice", Map.of()).path());
        TraversalAttempt udpOnly = blocked("turn-relay", Map.of("tcp-fallback", "false"));
        assertEquals(TraversalPath.FAILED, udpOnly.path());
        assertTrue(udpOnly.reason().startsWith("a: "), udpOnly.reason());
    }
}
