package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Simulator;

/**
 * Populations against published figures. Ford, Srisuresh and Kegel 2005: 310 of 380 NATs (82%)
 * support UDP hole punching; the binomial 95% half-width for n = 380 is 3.9 points.
 */
class PopulationTest {

    @Test
    void fordMixReproducesEightyTwoPercentOfNatsSupportingHolePunching() {
        int n = 1000;
        StudySetup setup = StudySetup.of(NatMix.ford2005(), n, "stun-punch")
                .withReference(Access.nat(NatType.PORT_RESTRICTED_CONE));
        StudySummary s = Strategies.study().run(new Simulator(2005), setup).byStrategy().get("stun-punch");
        double published = 310.0 / 380;
        double publishedHalfWidth = 1.96 * Math.sqrt(published * (1 - published) / 380);
        double simulationSd = Math.sqrt(published * (1 - published) / n);
        System.out.printf("ford-2005 per NAT, stun-punch vs port-restricted: %s (published 82%% +/- %.1f)%n", s, 100 * publishedHalfWidth);
        assertTrue(Math.abs(s.successRate() - published) <= publishedHalfWidth + 2 * simulationSd, s.toString());
    }

    @Test
    void reportPairwiseFigures() {
        for (NatMix mix : new NatMix[] {NatMix.ford2005(), NatMix.seed001()}) {
            StudySetup setup = StudySetup.of(mix, 1000, "direct", "stun-punch", "birthday-punch", "turn-relay", "ice");
            StudyResult r = Strategies.study().run(new Simulator(17), setup);
            r.byStrategy().forEach((k, v) -> System.out.printf("%s pairs, %-15s %s%n", mix.name(), k, v));
            Map<String, StudySummary> by = r.byStrategy();
            assertTrue(by.get("turn-relay").successRate() == 1.0, "relay: " + by.get("turn-relay"));
            assertTrue(by.get("ice").successRate() == 1.0, "ice: " + by.get("ice"));
            assertTrue(by.get("direct").successRate() <= by.get("stun-punch").successRate() + 0.05);
            assertTrue(by.get("stun-punch").successRate() <= by.get("birthday-punch").successRate());
        }
    }
}
