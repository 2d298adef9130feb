package org.peerlab.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.peerlab.sim.Dist;
import org.peerlab.sim.net.Churn;
import org.peerlab.sim.net.Duplex;
import org.peerlab.sim.net.Host;
import org.peerlab.sim.net.LinkFaults;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.Dumbbell;
import org.peerlab.sim.net.LinkSpec;
import org.peerlab.sim.net.SimNetwork;
import org.peerlab.sim.net.SimTransport;

/** The sim transport's contract and its stream protocol's throughput on plain frames. */
class SimTransportTest {

    @Test
    void bulkFramesArriveWholeInOrderAtBottleneckRate() throws Exception {
        Simulator sim = new Simulator(1);
        SimNetwork net = new SimNetwork(sim);
        LinkSpec bottleneck = LinkSpec.of(100e6, 10).withQueue(LinkSpec.of(100e6, 10).bdpBytes(40 * Simulator.MS));
        Dumbbell d = Dumbbell.build(net, 1, LinkSpec.of(1e9, 0.1).withQueue(8 << 20), bottleneck);
        BulkFlow flow = new BulkFlow(sim, 512, 64 * 1024);
        SimTransport server = d.left().get(0).transport();
        server.listen(":7000", SimTransport.describe().defaults(), flow::sender);
        d.right().get(0).transport().connect("l0:7000", SimTransport.describe().defaults(), flow.receiver());
        long started = System.nanoTime();
        sim.run();
        System.out.printf("bulk: %.2f Mbit/s, %d events, %.0f ms wall, drops %d%n", flow.goodput() / 1e6, sim.eventsFired(),
                (System.nanoTime() - started) / 1e6, d.bottleneck().forward().queueDrops());
        assertFalse(flow.outOfOrder);
        assertEquals(512, flow.receivedFrames);
        assertTrue(flow.receiverClosedCalled && flow.senderClosedCalled);
        assertNull(flow.senderClosed);
        double efficiency = 1460.0 / 1500 * (64 * 1024) / (64 * 1024 + 4);
        assertEquals(100e6 * efficiency, flow.goodput(), 100e6 * efficiency * 0.05);
        assertTrue(d.bottleneck().forward().queueDrops() > 0, "slow start overflows the bottleneck queue");
        assertEquals(0, d.bottleneck().forward().lossDrops());
    }

    /** Two hosts joined by one link pair; the server side listens on 7000 with {@code server}'s handler. */
    static Duplex pair(SimNetwork net, LinkSpec spec, BulkFlow flow) throws Exception {
        Duplex link = net.connect(net.host("a"), net.host("b"), spec);
        ((Host) net.node("a").orElseThrow()).transport().listen("a:7000", SimTransport.describe().defaults(), flow::sender);
        ((Host) net.node("b").orElseThrow()).transport().connect("a:7000", SimTransport.describe().defaults(), flow.receiver());
        return link;
    }

    @Test
    void jitterNeverReordersPacketsOfALink() throws Exception {
        Simulator sim = new Simulator(3);
        SimNetwork net = new SimNetwork(sim);
        BulkFlow flow = new BulkFlow(sim, 64, 64 * 1024);
        pair(net, LinkSpec.of(50e6, 5).withJitter(Dist.uniform(0, 5)).withQueue(16 << 20), flow);
        sim.run();
        assertEquals(64, flow.receivedFrames);
        assertFalse(flow.outOfOrder);
        // a reordered packet would look like a loss (duplicate ACKs, SACK) and be resent
        assertEquals(0, flow.senderStats.retransmissions(), flow.senderStats.toString());
    }

    @Test
    void sameSeedSameTimelineOtherSeedOtherJitterDraws() throws Exception {
        long[] a = jitteredRun(21);
        long[] b = jitteredRun(21);
        long[] c = jitteredRun(22);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[0], c[0]);
    }

    private static long[] jitteredRun(long seed) throws Exception {
        Simulator sim = new Simulator(seed);
        SimNetwork net = new SimNetwork(sim);
        BulkFlow flow = new BulkFlow(sim, 32, 16 * 1024);
        pair(net, LinkSpec.of(20e6, 5).withJitter(Dist.exponential(1)), flow);
        sim.run();
        return new long[] { flow.doneAt, sim.eventsFired() };
    }

    @Test
    void connectingToNothingFailsWithACause() throws Exception {
        Simulator sim = new Simulator(1);
        SimNetwork net = new SimNetwork(sim);
        Host a = net.host("a");
        Host b = net.host("b");
        net.connect(a, b, LinkSpec.of(10e6, 1));
        BulkFlow refused = new BulkFlow(sim, 1, 1);
        a.transport().connect("b:9", SimTransport.describe().defaults(), refused.receiver());
        BulkFlow unknown = new BulkFlow(sim, 1, 1);
        a.transport().connect("nowhere:9", SimTransport.describe().defaults(), unknown.receiver());
        sim.run();
        assertTrue(refused.receiverClosed instanceof ConnectException, String.valueOf(refused.receiverClosed));
        assertTrue(unknown.receiverClosed instanceof UnknownHostException, String.valueOf(unknown.receiverClosed));
        assertThrows(IOException.class, () -> a.transport().listen("b:80", SimTransport.describe().defaults(), () -> null));
    }

    @Test
    void cutLinkClosesBothEndsWithACauseInsteadOfHanging() throws Exception {
        Simulator sim = new Simulator(1);
        SimNetwork net = new SimNetwork(sim);
        BulkFlow flow = new BulkFlow(sim, 4096, 64 * 1024);
        Duplex link = pair(net, LinkSpec.of(10e6, 5), flow);
        new LinkFaults(sim).outage(link, Simulator.SECOND, -1);
        sim.runUntil(120 * Simulator.SECOND);
        assertTrue(flow.senderClosedCalled && flow.receiverClosedCalled);
        assertTrue(flow.senderClosed instanceof SocketTimeoutException, String.valueOf(flow.senderClosed));
        assertTrue(flow.receiverClosed instanceof SocketTimeoutException, String.valueOf(flow.receiverClosed));
        assertTrue(link.forward().downDrops() > 0);
        assertEquals(0, sim.eventsPending(), "nothing keeps running after both ends gave up");
    }

    @Test
    void peerCrashIsNoticedAndRecoveredHostResets() throws Exception {
        Simulator sim = new Simulator(1);
        SimNetwork net = new SimNetwork(sim);
        BulkFlow flow = new BulkFlow(sim, 4096, 64 * 1024);
        pair(net, LinkSpec.of(10e6, 5), flow);
        Host receiver = (Host) net.node("b").orElseThrow();
        new Churn(sim).crashAt(receiver, Simulator.SECOND, 100 * Simulator.MS, null);
        sim.runUntil(60 * Simulator.SECOND);
        assertTrue(flow.receiverClosed instanceof IOException && flow.receiverClosed.getMessage().contains("crashed"), String.valueOf(flow.receiverClosed));
        // the recovered host no longer knows the connection and answers the sender's retransmission with a reset
        assertTrue(flow.senderClosedCalled);
        assertTrue(flow.senderClosed.getMessage().contains("reset"), String.valueOf(flow.senderClosed));
    }
}
