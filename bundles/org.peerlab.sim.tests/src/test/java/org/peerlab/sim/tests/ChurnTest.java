package org.peerlab.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.Churn;
import org.peerlab.sim.net.Host;
import org.peerlab.sim.net.LinkFaults;
import org.peerlab.sim.net.LinkSpec;
import org.peerlab.sim.net.SimNetwork;
import org.peerlab.sim.net.Star;

/** Arrivals and departures, crash-recovery cycles and link failure cycles, from distributions. */
class ChurnTest {

    @Test
    void poissonArrivalsWithSessionsDepartAfterTheirSession() {
        Simulator sim = new Simulator(9);
        Star star = new Star(new SimNetwork(sim));
        List<Host> present = new ArrayList<>();
        double[] sessionTotal = new double[1];
        Churn churn = new Churn(sim);
        churn.arrivals(Dist.exponential(1), Dist.exponential(10), 1000 * Simulator.SECOND, new Churn.Population() {
            @Override
            public Host arrive() {
                Host h = star.attach("peer-" + star.hosts().size(), LinkSpec.of(10e6, 5), LinkSpec.of(50e6, 5));
                present.add(h);
                return h;
            }

            @Override
            public void depart(Host host) {
                present.remove(host);
                host.crash();
            }
        });
        double area = 0;
        long last = 0;
        while (sim.runUntil(sim.now() + Simulator.SECOND) && sim.now() < 1000 * Simulator.SECOND) {
            area += present.size() * (sim.now() - last) / 1e9;
            last = sim.now();
        }
        sim.run();
        // about 1000 arrivals at rate 1/s; Little's law: about 10 present on average
        assertEquals(1000, churn.arrivals(), 100);
        assertEquals(churn.arrivals(), churn.departures());
        assertTrue(present.isEmpty());
        assertEquals(10, area / 1000, 2.5);
    }

    @Test
    void hostsCrashAndRecoverInCycles() {
        Simulator sim = new Simulator(9);
        SimNetwork net = new SimNetwork(sim);
        Host h = net.host("h");
        Churn churn = new Churn(sim);
        long[] down = new long[1];
        int[] restarts = new int[1];
        churn.crashes(h, Dist.exponential(9), Dist.exponential(1), 10_000 * Simulator.SECOND, host -> restarts[0]++);
        long last = 0;
        while (sim.runUntil(sim.now() + 100 * Simulator.MS) && sim.now() < 10_000 * Simulator.SECOND) {
            if (!h.isUp()) {
                down[0] += sim.now() - last;
            }
            last = sim.now();
        }
        assertTrue(churn.crashes() > 800, "crashes: " + churn.crashes());
        assertEquals(churn.recoveries(), restarts[0]);
        // down a tenth of the time: mean downtime 1 s per cycle of 10 s
        assertEquals(0.1, down[0] / (10_000.0 * Simulator.SECOND), 0.02);
    }

    @Test
    void linksFailAndComeBack() {
        Simulator sim = new Simulator(9);
        SimNetwork net = new SimNetwork(sim);
        var link = net.connect(net.host("a"), net.host("b"), LinkSpec.of(1e6, 1));
        LinkFaults faults = new LinkFaults(sim);
        faults.failures(link, Dist.constant(5), Dist.constant(1), 60 * Simulator.SECOND);
        sim.runUntil(5500 * Simulator.MS);
        assertTrue(!link.forward().isUp() && !link.reverse().isUp());
        sim.runUntil(6500 * Simulator.MS);
        assertTrue(link.forward().isUp());
        sim.run();
        assertEquals(10, faults.outages());
    }
}
