package org.peerlab.storage.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peerlab.storage.coordinator.CoreHarness.SimNode;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.PeerInfo;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.Signed;
import org.peerlab.storage.wire.StorageMessage.*;
import org.peerlab.storage.wire.StorageMessage.Error;

/** Registration, heartbeats, uploads, LOCATE and PEERS, and isolation of malformed frames. */
class CoordinatorCoreTest {

    private final CoreHarness h = new CoreHarness();

    @Test
    void registersANodeDurablyBeforeAnsweringAndGreetsWithTheCoordinatorKey() {
        long c = h.connect();
        Hello hello = h.expect(c, Hello.class);
        assertEquals(CoordinatorCore.NONCE_LENGTH, hello.nonce().length);
        assertTrue(java.util.Arrays.equals(h.coordinatorKey.publicKey(), hello.coordinatorKey()));
        assertEquals("ed25519", hello.signature());

        SimNode a = h.registerNode("10.0.0.1:7000", 1000);
        assertTrue(a.id.matches("[0-9a-f]{32}"), a.id);
        assertEquals(NodeRegistry.nodeId(a.key.publicKey()), a.id);
        assertTrue(h.ledger.afterCrash().node(a.id).isPresent(), "the registration was committed before REGISTERED");
        assertTrue(h.log.stream().anyMatch(l -> l.contains("node " + a.id + " registered at 10.0.0.1:7000")), h.log.toString());
    }

    @Test
    void refusesABadProofWithWrongKeyAndClosesOnlyThatConnection() {
        SimNode good = h.registerNode("10.0.0.1:7000", 1000);
        long c = h.connect();
        Hello hello = h.expect(c, Hello.class);
        var key = h.sig.generateKeyPair();
        byte[] otherNonce = hello.nonce().clone();
        otherNonce[0] ^= 1; // a proof made for another connection's nonce (a replay)
        h.send(c, new Register(key.publicKey(), "10.0.0.2:7000", 500, 500,
                h.sig.sign(key.privateKey(), Signed.register(otherNonce, key.publicKey(), "10.0.0.2:7000", 500))));
        Error e = h.expect(c, Error.class);
        assertEquals(ErrorCode.WRONG_KEY, e.code());
        assertTrue(e.message().contains("proof does not verify"), e.message());
        assertTrue(h.closed.containsKey(c));
        assertFalse(h.closed.containsKey(good.conn));
        assertTrue(h.ledger.node(NodeRegistry.nodeId(key.publicKey())).isEmpty(), "nothing recorded for a refused node");
    }

    @Test
    void refusesAKnownIdWithAnotherKey() {
        var real = h.sig.generateKeyPair();
        var impostor = h.sig.generateKeyPair();
        MemoryLedger l = new MemoryLedger();
        l.putNode(new NodeRecord(NodeRegistry.nodeId(real.publicKey()), impostor.publicKey(), "10.0.0.9:7000", 10, new double[] { 0, 0 }, false));
        l.commit();
        h.start(l);
        long c = h.connect();
        Hello hello = h.expect(c, Hello.class);
        h.send(c, new Register(real.publicKey(), "10.0.0.1:7000", 10, 10,
                h.sig.sign(real.privateKey(), Signed.register(hello.nonce(), real.publicKey(), "10.0.0.1:7000", 10))));
        Error e = h.expect(c, Error.class);
        assertEquals(ErrorCode.WRONG_KEY, e.code());
        assertTrue(e.message().contains("registered with another key"), e.message());
        assertTrue(h.closed.containsKey(c));
    }

    @Test
    void reRegistrationUpdatesTheAddressAndClosesTheOldConnection() {
        SimNode a = h.registerNode("10.0.0.1:7000", 1000);
        long old = a.conn;
        h.connectNode(a, 2000);
        assertTrue(h.closed.containsKey(old));
        assertEquals(2000, h.ledger.node(a.id).orElseThrow().capacity());
        assertEquals(1, h.core.peers(h.now).size());
    }

    @Test
    void nodeWithoutHeartbeatsGoesOfflineAndComesBack() {
        SimNode a = h.registerNode("10.0.0.1:7000", 1000);
        h.advance(5_000);
        assertTrue(peer(a).online());
        a.alive = false;
        h.advance(3_500);
        PeerInfo p = peer(a);
        assertFalse(p.online());
        assertTrue(p.lastSeenMillis() > 3_000, "last seen " + p.lastSeenMillis());
        assertTrue(h.log.stream().anyMatch(l -> l.contains("node " + a.id + " is offline")), h.log.toString());
        a.alive = true;
        h.advance(1_500);
        assertTrue(peer(a).online());
        assertTrue(h.log.stream().anyMatch(l -> l.contains("node " + a.id + " is back online")));
    }

    private PeerInfo peer(SimNode n) {
        long c = h.connect();
        h.expect(c, Hello.class);
        h.send(c, new Peers());
        return h.expect(c, PeerList.class).peers().stream().filter(p -> p.nodeId().equals(n.id)).findFirst().orElseThrow();
    }

    @Test
    void plansSignsCommitsDurablyAndLocatesAnUpload() {
        for (int i = 0; i < 5; i++) {
            h.registerNode("10.0.0." + i + ":7000", 1000);
        }
        long client = h.connect();
        h.expect(client, Hello.class);
        h.send(client, new PutBegin("notes.txt", 100, 60, 2, 4));
        PutPlan plan = h.expect(client, PutPlan.class);
        assertTrue(plan.fileId().matches("[0-9a-f]{32}"));
        assertEquals("copy", plan.audit());
        assertEquals("block-size=1024,blocks=7", plan.auditParameters());
        assertEquals(4, plan.placements().size());
        Set<String> distinct = new HashSet<>();
        for (Placement p : plan.placements()) {
            Order o = p.order();
            assertEquals(Order.Op.STORE, o.op());
            assertEquals(Order.shardName(plan.fileId(), p.index()), o.shard());
            assertEquals(p.nodeId(), o.nodeId());
            assertEquals(60, o.length());
            assertEquals(h.now + h.settings.orderTtlMillis(), o.expiresAtMillis());
            assertTrue(h.sig.verify(h.coordinatorKey.publicKey(), o.signedBytes(), o.signature()), "orders are signed by the coordinator");
            assertEquals(h.nodeById(p.nodeId()).address, p.address());
            distinct.add(p.nodeId());
        }
        assertEquals(4, distinct.size(), "one shard per node");
        assertEquals(1, h.core.pendingUploads());
        assertTrue(h.ledger.fileIds().isEmpty(), "a plan is not durable");

        FileRecord r = CoreHarness.record(plan, 100, 60);
        h.send(client, new PutCommit(r));
        assertEquals(plan.fileId(), h.expect(client, PutAck.class).fileId());
        assertTrue(h.ledger.afterCrash().file(plan.fileId()).isPresent(), "the record was committed before PUT_ACK");
        assertEquals(0, h.core.pendingUploads());

        h.send(client, new Locate(plan.fileId()));
        Location loc = h.expect(client, Location.class);
        assertEquals(r.fileId(), loc.record().fileId());
        assertEquals(List.of(true, true, true, true), loc.healthy());
        for (Placement p : loc.placements()) {
            assertEquals(Order.Op.READ, p.order().op());
            assertEquals(r.shards().get(p.index()).nodeId(), p.nodeId());
            assertTrue(h.sig.verify(h.coordinatorKey.publicKey(), p.order().signedBytes(), p.order().signature()));
        }
        h.send(client, new Locate("0123456789abcdef0123456789abcdef"));
        assertEquals(ErrorCode.NOT_FOUND, h.expect(client, Error.class).code());
    }

    @Test
    void refusesACommitThatDoesNotMatchItsPlanAndForgetsPlansOnRestart() {
        for (int i = 0; i < 4; i++) {
            h.registerNode("10.0.0." + i + ":7000", 1000);
        }
        long client = h.connect();
        h.expect(client, Hello.class);
        h.send(client, new PutBegin("notes.txt", 100, 60, 2, 4));
        PutPlan plan = h.expect(client, PutPlan.class);
        FileRecord good = CoreHarness.record(plan, 100, 60);
        FileRecord moved = good.withShard(new FileRecord.ShardEntry(1, good.shards().get(2).nodeId(), good.shards().get(1).sha256(),
                good.shards().get(1).auditRecord()));
        h.send(client, new PutCommit(moved));
        Error e = h.expect(client, Error.class);
        assertEquals(ErrorCode.UNEXPECTED, e.code());
        assertTrue(e.message().contains("shard 1 is on node"), e.message());
        assertTrue(h.ledger.fileIds().isEmpty());

        FileRecord noAudit = good.withShard(new FileRecord.ShardEntry(0, good.shards().get(0).nodeId(), good.shards().get(0).sha256(), new byte[0]));
        h.send(client, new PutCommit(noAudit));
        assertTrue(h.expect(client, Error.class).message().contains("audit record of shard 0"));

        h.start(h.ledger.afterCrash());
        long again = h.connect();
        h.expect(again, Hello.class);
        h.send(again, new PutCommit(good));
        Error forgotten = h.expect(again, Error.class);
        assertEquals(ErrorCode.NOT_FOUND, forgotten.code());
        assertTrue(forgotten.message().contains("upload it again"), forgotten.message());
    }

    @Test
    void refusesOversizedUploadsAndSaysHowManyNodesQualify() {
        for (int i = 0; i < 3; i++) {
            h.registerNode("10.0.0." + i + ":7000", 1000);
        }
        long client = h.connect();
        h.expect(client, Hello.class);
        h.send(client, new PutBegin("big", 1001, 600, 2, 4));
        Error big = h.expect(client, Error.class);
        assertEquals(ErrorCode.TOO_LARGE, big.code());
        assertTrue(big.message().contains("max-upload-size of 1000 bytes"), big.message());

        h.send(client, new PutBegin("small", 100, 60, 2, 4));
        Error full = h.expect(client, Error.class);
        assertEquals(ErrorCode.NO_CAPACITY, full.code());
        assertTrue(full.message().contains("3 node(s) qualify"), full.message());

        h.send(client, new PutBegin("odd", 100, 5000, 2, 4));
        assertEquals(ErrorCode.MALFORMED, h.expect(client, Error.class).code());
        assertFalse(h.closed.containsKey(client), "a refused request does not end the connection");
    }

    @Test
    void malformedFrameClosesOnlyItsConnection() {
        SimNode a = h.registerNode("10.0.0.1:7000", 1000);
        long bad = h.connect();
        long other = h.connect();
        h.expect(bad, Hello.class);
        h.expect(other, Hello.class);
        h.core.received(bad, new byte[] { 99, 1, 2, 3 }, h.now);
        assertEquals(ErrorCode.MALFORMED, h.expect(bad, Error.class).code());
        assertTrue(h.closed.containsKey(bad));
        h.core.received(other, new byte[] { 8 }, h.now); // no message type 8
        assertEquals(ErrorCode.MALFORMED, h.expect(other, Error.class).code());
        long fine = h.connect();
        h.expect(fine, Hello.class);
        h.send(fine, new Peers());
        assertEquals(a.id, h.expect(fine, PeerList.class).peers().get(0).nodeId());
        assertFalse(h.closed.containsKey(fine));
        assertFalse(h.closed.containsKey(a.conn));
        h.advance(2_000);
        assertTrue(h.core.peers(h.now).get(0).online(), "the node keeps being served");
    }

    @Test
    void unexpectedMessagesGetAnErrorNotAClose() {
        long c = h.connect();
        h.expect(c, Hello.class);
        h.send(c, new Heartbeat(1, 1));
        assertEquals(ErrorCode.UNEXPECTED, h.expect(c, Error.class).code());
        h.send(c, new Replace("0123456789abcdef0123456789abcdef", 0, "x", new byte[32], new byte[1]));
        assertEquals(ErrorCode.UNEXPECTED, h.expect(c, Error.class).code());
        h.send(c, new Stored("x.0"));
        assertNotEquals(null, h.expect(c, Error.class));
        assertFalse(h.closed.containsKey(c));
    }
}
