package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Simulator;

/** A punched path lives as long as outbound traffic refreshes both NATs' mappings. */
class MappingTimeoutTest {

    private static final long TIMEOUT_MS = 30_000;

    /** @return datagrams B received from A after 40 s in which each side sent every {@code keepaliveMs} (0: never) */
    private static int receivedAfterIdle(long keepaliveMs) {
        Simulator sim = new Simulator(30);
        UdpNetwork net = Strategies.network(sim);
        Access nat = new Access.Nat(NatType.PORT_RESTRICTED_CONE.behaviour().withTimeout(TIMEOUT_MS), "port-restricted-30s");
        TraversalAttempt attempt = Strategies.attempt(sim, net, "stun-punch", Map.of(), nat, nat);
        assertEquals(TraversalPath.PUNCHED, attempt.path(), attempt.reason());
        UdpSocket a = attempt.sideA().socket(attempt.outcomeA().socket());
        UdpSocket b = attempt.sideB().socket(attempt.outcomeB().socket());
        Endpoint aToB = attempt.outcomeA().remote();
        Endpoint bToA = attempt.outcomeB().remote();
        int[] received = new int[1];
        b.onReceive(d -> received[0]++);
        if (keepaliveMs > 0) {
            for (long t = keepaliveMs; t < 40_000; t += keepaliveMs) {
                sim.schedule(t * Simulator.MS, () -> {
                    a.send(aToB, "keepalive", 20);
                    b.send(bToA, "keepalive", 20);
                });
            }
        }
        idle(sim, 40 * Simulator.SECOND);
        received[0] = 0;
        a.send(aToB, "data", 1200);
        sim.runUntil(sim.now() + Simulator.SECOND);
        return received[0];
    }

    /** Advances the clock by {@code nanos} (runUntil leaves the clock at the last event when the queue empties). */
    private static void idle(Simulator sim, long nanos) {
        sim.schedule(nanos, () -> { });
        sim.runUntil(sim.now() + nanos);
    }

    @Test
    void punchedPathDiesAfterTheTimeoutWithoutKeepalives() {
        assertEquals(0, receivedAfterIdle(0));
    }

    @Test
    void keepalivesKeepThePathOpen() {
        assertEquals(1, receivedAfterIdle(10_000));
    }

    @Test
    void mappingsExpireInTheNatTable() {
        Simulator sim = new Simulator(31);
        UdpNetwork net = Strategies.network(sim);
        Site site = net.addSite(new Access.Nat(NatType.SYMMETRIC.behaviour().withTimeout(5_000), "sym-5s"));
        UdpSocket s = site.addHost().bind();
        s.send(Endpoint.of("11.9.9.9", 9), "x", 10);
        s.send(Endpoint.of("11.9.9.9", 10), "x", 10);
        sim.runUntil(Simulator.SECOND);
        assertEquals(2, site.nats().get(0).liveMappings());
        idle(sim, 6 * Simulator.SECOND);
        assertEquals(0, site.nats().get(0).liveMappings());
    }
}
