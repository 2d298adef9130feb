package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Simulator;

/**
 * Every pair of catalogue kinds under every strategy: the simulated outcome must equal what RFC
 * 4787 reasoning predicts. The expectation is written here from the kinds' properties, not by
 * asking the simulator.
 */
class TheoryTableTest {

    /** The catalogue kinds and the properties the reasoning needs. */
    private record Kind(String name, Access access, boolean open, boolean blocked, boolean eim, boolean apdf) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("public", Access.open(), true, false, true, false),
            new Kind("full-cone", Access.nat(NatType.FULL_CONE), false, false, true, false),
            new Kind("restricted-cone", Access.nat(NatType.RESTRICTED_CONE), false, false, true, false),
            new Kind("port-restricted", Access.nat(NatType.PORT_RESTRICTED_CONE), false, false, true, true),
            new Kind("address-dependent", Access.nat(NatType.ADDRESS_DEPENDENT_NAT), false, false, false, false),
            new Kind("symmetric", Access.nat(NatType.SYMMETRIC), false, false, false, true),
            new Kind("symmetric-sequential", Access.nat(NatType.SYMMETRIC_SEQUENTIAL), false, false, false, true),
            new Kind("udp-blocked", Access.udpBlocked(), false, true, false, false));

    /**
     * Direct works when one side is public (the NATed side's check opens its own NAT). Punching
     * between reflexive addresses works when both map endpoint-independently, or when one maps per
     * destination and the other's filter admits the fresh mapping (not APDF). Birthday probing
     * also handles exactly one endpoint-dependent side. A relay always works (TCP to the relay
     * passes the UDP-blocking firewall). ICE takes the best of these.
     */
    private static TraversalPath expected(String strategy, Kind x, Kind y) {
        boolean blocked = x.blocked || y.blocked;
        boolean direct = !blocked && (x.open || y.open);
        boolean punch = !blocked && (x.eim && y.eim || x.eim && !x.apdf || y.eim && !y.apdf);
        boolean birthday = !blocked && (punch || x.eim != y.eim);
        return switch (strategy) {
            case "direct" -> direct ? TraversalPath.DIRECT : TraversalPath.FAILED;
            case "stun-punch" -> direct ? TraversalPath.DIRECT : punch ? TraversalPath.PUNCHED : TraversalPath.FAILED;
            case "birthday-punch" -> birthday ? TraversalPath.PUNCHED : TraversalPath.FAILED;
            case "turn-relay" -> TraversalPath.RELAYED;
            case "ice" -> direct ? TraversalPath.DIRECT : punch ? TraversalPath.PUNCHED : TraversalPath.RELAYED;
            default -> throw new IllegalArgumentException(strategy);
        };
    }

    @Test
    void everyPairUnderEveryStrategyMatchesTheTheory() {
        Simulator sim = new Simulator(4787);
        NatTraversalStudy study = Strategies.study();
        List<String> mismatches = new ArrayList<>();
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < KINDS.size(); i++) {
            for (int j = i; j < KINDS.size(); j++) {
                Kind x = KINDS.get(i);
                Kind y = KINDS.get(j);
                StudySetup setup = StudySetup.of(NatMix.only(x.access), 1, "direct", "stun-punch", "birthday-punch", "turn-relay", "ice")
                        .withReference(y.access)
                        .withParameters("birthday-punch", Map.of("probes", "4096", "probe-interval-ms", "1", "timeout-ms", "20000"));
                StringBuilder row = new StringBuilder();
                for (AttemptResult r : study.run(sim, setup).attempts()) {
                    TraversalPath want = expected(r.strategy(), x, y);
                    row.append(String.format("%-15s", r.path()));
                    if (want != r.path()) {
                        mismatches.add(x.name + " x " + y.name + " / " + r.strategy() + ": expected " + want + ", got " + r.path()
                                + " (" + r.reason() + ")");
                    }
                }
                table.put(String.format("%-20s x %-20s", x.name, y.name), row.toString());
            }
        }
        System.out.println("theory table (direct, stun-punch, birthday-punch, turn-relay, ice):");
        table.forEach((k, v) -> System.out.println("  " + k + " " + v));
        assertEquals(List.of(), mismatches);
    }
}
