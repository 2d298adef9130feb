package org.peerlab.sim.nat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.nat.internal.BirthdayPunchTraversal;
import org.peerlab.sim.nat.internal.DirectTraversal;
import org.peerlab.sim.nat.internal.IceTraversal;
import org.peerlab.sim.nat.internal.StunPunchTraversal;
import org.peerlab.sim.nat.internal.TurnRelayTraversal;

/** The five strategies outside OSGi, and a small world for one attempt. */
final class Strategies {

    private Strategies() {
    }

    static Map<String, NatTraversal> all() {
        Map<String, NatTraversal> m = new LinkedHashMap<>();
        for (NatTraversal t : new NatTraversal[] {new DirectTraversal(), new StunPunchTraversal(), new BirthdayPunchTraversal(),
                new TurnRelayTraversal(), new IceTraversal()}) {
            m.put(t.descriptor().name(), t);
        }
        return m;
    }

    static NatTraversalStudy study() {
        Map<String, NatTraversal> all = all();
        return new NatTraversalStudy(name -> {
            NatTraversal t = all.get(name);
            if (t == null) {
                throw new IllegalArgumentException("unknown strategy " + name);
            }
            return t;
        });
    }

    /** One attempt between two fresh sites (or one site when {@code b} is null), run to its end. */
    static TraversalAttempt attempt(Simulator sim, UdpNetwork net, String strategy, Map<String, String> params, Access a, Access b) {
        Endpoint stun = net.addStunServer().primary();
        Endpoint turn = net.addTurnRelay(100, 500).address();
        Site siteA = net.addSite(a);
        Host hostA = siteA.addHost();
        Host hostB = b == null ? siteA.addHost() : net.addSite(b).addHost();
        NatTraversal t = all().get(strategy);
        Parameters p = t.descriptor().bind(params);
        TraversalAttempt attempt = new TraversalAttempt(sim, t, p, hostA, hostB, Optional.of(stun), Optional.of(turn), Dist.constant(30));
        attempt.start(sim::stop);
        sim.runUntil(sim.now() + 120 * Simulator.SECOND);
        return attempt;
    }

    static UdpNetwork network(Simulator sim) {
        return new UdpNetwork(sim, Dist.uniform(10, 40), 0, 0.25);
    }
}
