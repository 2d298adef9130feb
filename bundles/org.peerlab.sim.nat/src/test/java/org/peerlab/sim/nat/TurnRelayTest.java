package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;

/** The relay forwards only permitted peers and no faster than its bandwidth. */
class TurnRelayTest {

    @Test
    void relayedTrafficIsLimitedByTheRelayBandwidthAndQueue() {
        Simulator sim = new Simulator(12);
        UdpNetwork net = new UdpNetwork(sim, Dist.constant(10), 0, 0.25);
        TurnRelay relay = net.addTurnRelay(1.0, 100);
        UdpSocket client = net.addSite(Access.open()).addHost().bind();
        UdpSocket peer = net.addSite(Access.open()).addHost().bind();
        List<Long> arrivals = new ArrayList<>();
        Endpoint[] relayed = new Endpoint[1];
        client.onReceive(d -> {
            if (d.payload() instanceof TurnMessage.AllocateOk ok) {
                relayed[0] = ok.relayed();
            }
        });
        peer.onReceive(d -> arrivals.add(sim.now()));
        client.send(relay.address(), new TurnMessage.Allocate(1), TurnMessage.CONTROL_BYTES);
        sim.runUntil(100 * Simulator.MS);
        client.send(relay.address(), new TurnMessage.Send(peer.local(), "unpermitted", 1000), 1036);
        client.send(relay.address(), new TurnMessage.CreatePermission(2, List.of(peer.local().ip())), TurnMessage.CONTROL_BYTES);
        sim.runUntil(200 * Simulator.MS);
        assertEquals(0, arrivals.size());
        for (int i = 0; i < 50; i++) {
            client.send(relay.address(), new TurnMessage.Send(peer.local(), "data", 1250), 1286);
        }
        sim.runUntil(5 * Simulator.SECOND);
        // 1250 bytes at 1 Mbit/s = 10 ms each; a 100 ms queue holds ~11 of the burst, the rest are dropped
        assertTrue(arrivals.size() >= 10 && arrivals.size() <= 12, "arrived " + arrivals.size());
        for (int i = 1; i < arrivals.size(); i++) {
            assertEquals(10 * Simulator.MS, arrivals.get(i) - arrivals.get(i - 1));
        }
        assertTrue(relay.droppedBytes() > 0);
        assertTrue(relayed[0] != null && relayed[0].ip() == relay.address().ip());
    }
}
