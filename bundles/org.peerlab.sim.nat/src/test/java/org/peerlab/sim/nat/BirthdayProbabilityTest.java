package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Simulator;

/**
 * Birthday punching between a symmetric NAT (random ports) and a port-restricted cone: n sockets
 * on the hard side, m distinct random probes from the easy side. A probe passes only if it lands
 * on one of the n mappings, so P(success) = 1 - C(R-n, m) / C(R, m) over R = 64,512 ports
 * (~ 1 - exp(-n m / R): 0.64 for 256 x 256, 0.98 for 256 x 1024, Tailscale's figures).
 */
class BirthdayProbabilityTest {

    private static final int RANGE = 65535 - 1024 + 1;

    static double hitProbability(int n, int m) {
        double miss = 1;
        for (int i = 0; i < m; i++) {
            miss *= (double) (RANGE - n - i) / (RANGE - i);
        }
        return 1 - miss;
    }

    private static double rate(long seed, int n, int m, int attempts) {
        StudySetup setup = StudySetup.of(NatMix.only(Access.nat(NatType.SYMMETRIC)), attempts, "birthday-punch")
                .withReference(Access.nat(NatType.PORT_RESTRICTED_CONE))
                .withParameters("birthday-punch", Map.of("sockets", Integer.toString(n), "probes", Integer.toString(m),
                        "probe-interval-ms", "1", "resend-ms", "5000", "timeout-ms", "4000"));
        StudySummary s = Strategies.study().run(new Simulator(seed), setup).byStrategy().get("birthday-punch");
        System.out.printf("birthday %d x %d: simulated %s, formula %.3f%n", n, m, s, hitProbability(n, m));
        return s.successRate();
    }

    @Test
    void twoHundredFiftySixByTwoHundredFiftySixMatchesTheBirthdayFormula() {
        int attempts = 600;
        double p = hitProbability(256, 256);
        double tolerance = 4 * Math.sqrt(p * (1 - p) / attempts);
        double got = rate(256, 256, 256, attempts);
        assertTrue(Math.abs(got - p) <= tolerance, "got " + got + ", formula " + p + " +/- " + tolerance);
    }

    @Test
    void moreProbesHitMoreOften() {
        int attempts = 300;
        double p = hitProbability(256, 1024);
        double got = rate(1024, 256, 1024, attempts);
        assertTrue(Math.abs(got - p) <= 4 * Math.sqrt(p * (1 - p) / attempts) + 1.0 / attempts, "got " + got + ", formula " + p);
        double few = rate(64, 64, 64, attempts);
        double pFew = hitProbability(64, 64);
        assertTrue(Math.abs(few - pFew) <= 4 * Math.sqrt(pFew * (1 - pFew) / attempts), "got " + few + ", formula " + pFew);
    }
}
