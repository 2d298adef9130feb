package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;

/** The same seed gives the same attempts, outcomes and times; another seed does not. */
class DeterminismTest {

    private static List<AttemptResult> run(long seed) {
        StudySetup setup = StudySetup.of(NatMix.seed001(), 40, "stun-punch", "birthday-punch", "ice")
                .withNetwork(Dist.normal(30, 8), 0.02);
        return Strategies.study().run(new Simulator(seed), setup).attempts();
    }

    @Test
    void sameSeedSameResults() {
        assertEquals(run(42).toString(), run(42).toString());
        assertNotEquals(run(42).toString(), run(43).toString());
    }
}
