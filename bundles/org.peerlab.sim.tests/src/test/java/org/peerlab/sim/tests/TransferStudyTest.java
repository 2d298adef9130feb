package org.peerlab.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.FlowResult;
import org.peerlab.sim.net.LinkFaults;
import org.peerlab.sim.net.StreamConfig;
import org.peerlab.sim.net.StudyResult;
import org.peerlab.sim.net.TransferSetup;
import org.peerlab.sim.net.TransferStudy;

/** The real secure-transfer protocol over the simulated network: validation against the model's capacity. */
class TransferStudyTest {

    static final double MBPS = 100e6;
    static final int PIECE = 256 << 10;

    /** Framing efficiency from first principles: 40-byte headers per 1460-byte segment; per piece 4 + 2 + 9 + 16 bytes and a 32-byte hash. */
    static double efficiency(long fileBytes) {
        long pieces = (fileBytes + PIECE - 1) / PIECE;
        double stream = fileBytes + pieces * (4 + 2 + 9 + 16 + 32) + 4 + 2 + 8 + 16;
        return fileBytes / (stream * 1500 / 1460);
    }

    static StudyResult run(long seed, TransferSetup setup) {
        return TransferStudy.run(new Simulator(seed), setup);
    }

    @Test
    void singleFlowReachesBottleneckTimesFramingEfficiency() {
        long size = 64L << 20;
        StudyResult r = run(1, TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(MBPS, 20).file(size, PIECE).payloadElided(true).build());
        FlowResult f = r.flows().get(0);
        double ideal = MBPS / 1e6 * efficiency(size);
        System.out.printf("single flow (elided): %.2f Mbit/s of ideal %.2f; framing efficiency %.4f (ideal %.4f); %d retransmissions%n",
                f.goodputMbps(), ideal, f.framingEfficiency(), efficiency(size), f.retransmissions());
        assertTrue(f.completed() && f.verified() && f.payloadElided(), f.toString());
        assertTrue(r.payloadElided());
        assertEquals(ideal, f.goodputMbps(), ideal * 0.05);
        assertTrue(f.goodputMbps() <= ideal * 1.001, "faster than the link allows: " + f.goodputMbps());
        assertEquals(efficiency(size), TransferStudy.idealFramingEfficiency(StreamConfig.defaults(), size, PIECE, 16), 1e-4);
        // the measured efficiency includes retransmissions and the handshake, so it is a little lower
        assertEquals(efficiency(size), f.framingEfficiency(), 0.03);
        // only this flow's packets cross the bottleneck forward: all it sent except what the queue dropped
        assertEquals(f.wireBytes() - r.queueDrops() * 1500.0, r.bottleneckBytes(), 0.001 * r.bottleneckBytes());
    }

    @Test
    void realEncryptionDeliversVerifiedContentAtTheSameRate() {
        long size = 64L << 20;
        StudyResult r = run(2, TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(MBPS, 20).file(size, PIECE).cipher("aes-256-gcm").build());
        FlowResult f = r.flows().get(0);
        double ideal = MBPS / 1e6 * efficiency(size);
        System.out.printf("single flow (aes-256-gcm): %.2f Mbit/s of ideal %.2f, verified %s, handshake %.1f ms%n", f.goodputMbps(), ideal, f.verified(),
                f.handshakeMs());
        assertFalse(f.payloadElided());
        assertTrue(f.completed() && f.verified(), f.toString());
        assertEquals(ideal, f.goodputMbps(), ideal * 0.05);
        // handshake: SYN round trip, HELLO and key exchange round trips, then IDENTITY: a few RTTs of ~40 ms
        assertTrue(f.handshakeMs() > 80 && f.handshakeMs() < 400, "handshake took " + f.handshakeMs() + " ms");
    }

    @Test
    void chachaAlsoVerifies() {
        StudyResult r = run(3, TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(20e6, 5).file(3 << 20, 64 << 10).cipher("chacha20-poly1305").build());
        assertTrue(r.allVerified(), r.flows().toString());
    }

    /**
     * Reno converges to fair shares over many loss cycles; at 100 Mbit/s a 10 ms round trip gives
     * a cycle every second or so, so 256 MiB in all (about 22 s) holds enough of them.
     */
    @ParameterizedTest
    @ValueSource(ints = { 2, 4, 8 })
    void flowsShareTheBottleneckFairly(int n) {
        long each = (256L << 20) / n;
        StudyResult r = run(7, TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(MBPS, 5).flows(n).file(each, PIECE).payloadElided(true)
                .startSpread(100).build());
        double capacity = MBPS / 1e6 * efficiency(each);
        System.out.printf("%d flows: Jain %.4f, sum %.2f Mbit/s of %.2f, shares %s%n", n, r.jainIndex(), r.sharedGoodputMbps(), capacity,
                r.flows().stream().map(f -> String.format("%.2f", f.sharedGoodputMbps())).toList());
        assertTrue(r.allVerified());
        assertTrue(r.jainIndex() >= 0.95, "Jain index " + r.jainIndex());
        assertEquals(capacity, r.sharedGoodputMbps(), capacity * 0.05);
        for (FlowResult f : r.flows()) {
            assertEquals(capacity / n, f.sharedGoodputMbps(), capacity / n * 0.35, f.label());
        }
        assertTrue(r.queueDrops() > 0, "a full bottleneck queue drops packets");
    }

    @Test
    void randomLossLowersThroughput() {
        TransferSetup.Builder b = TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(MBPS, 20).file(16L << 20, PIECE).payloadElided(true);
        double clean = run(4, b.build()).flows().get(0).goodputMbps();
        StudyResult lossy = run(4, b.loss(0.001).build());
        StudyResult worse = run(4, b.loss(0.01).build());
        System.out.printf("loss 0: %.2f, 0.1%%: %.2f, 1%%: %.2f Mbit/s%n", clean, lossy.flows().get(0).goodputMbps(), worse.flows().get(0).goodputMbps());
        assertTrue(lossy.allVerified() && worse.allVerified());
        assertTrue(lossy.lossDrops() > 0);
        assertTrue(lossy.flows().get(0).goodputMbps() < clean * 0.9);
        assertTrue(worse.flows().get(0).goodputMbps() < lossy.flows().get(0).goodputMbps() * 0.7);
    }

    @Test
    void sameSeedSameResultsOtherSeedOtherJitter() {
        TransferSetup setup = TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(50e6, 10).jitter(Dist.uniform(0, 2)).flows(2).file(4L << 20, PIECE)
                .payloadElided(true).build();
        StudyResult a = run(11, setup);
        StudyResult b = run(11, setup);
        StudyResult c = run(12, setup);
        assertEquals(strip(a), strip(b));
        assertEquals(a.events(), b.events());
        assertNotEquals(strip(a), strip(c));
    }

    private static String strip(StudyResult r) {
        return r.flows().toString() + r.bottleneckBytes() + "/" + r.queueDrops() + "/" + r.simulatedNanos();
    }

    @Test
    void bottleneckFailureMidTransferClosesWithACause() {
        // a 1 s outage is survived, a permanent one ends the transfer with a cause instead of hanging
        TransferSetup.Builder b = TransferSetup.builder(SimRegistry.CRYPTO).bottleneck(MBPS, 10).file(32L << 20, PIECE).payloadElided(true).timeLimit(120);
        StudyResult brief = outage(b.build(), Simulator.SECOND);
        assertTrue(brief.allVerified(), brief.flows().toString());
        StudyResult cut = outage(b.build(), -1);
        FlowResult f = cut.flows().get(0);
        assertFalse(f.completed());
        assertNotNull(f.failure());
        assertTrue(f.failure().contains("timed out") || f.failure().contains("keep-alive"), f.failure());
        assertTrue(cut.simulatedNanos() < 60 * Simulator.SECOND, "noticed after " + cut.simulatedNanos() / 1e9 + " s");
    }

    private static StudyResult outage(TransferSetup setup, long nanos) {
        Simulator sim = new Simulator(5);
        return TransferStudy.run(sim, setup, d -> new LinkFaults(sim).outage(d.bottleneck(), Simulator.SECOND, nanos));
    }
}
