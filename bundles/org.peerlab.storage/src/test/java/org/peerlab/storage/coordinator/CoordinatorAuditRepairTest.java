package org.peerlab.storage.coordinator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.peerlab.storage.coordinator.CoreHarness.Mode;
import org.peerlab.storage.coordinator.CoreHarness.SimNode;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.PeerInfo;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageMessage.*;

/** Audits (pass, fail, timeout with containment), disqualification, and repair tasks. */
class CoordinatorAuditRepairTest {

    /** Like the harness's settings but repairing any loss at once (threshold n). */
    private static final CoordinatorSettings EAGER = new CoordinatorSettings(1000, 0.5, "first-fit", "strikes", "copy", "blocks=7", 10_000,
            5_000, 2, 1_000, 3_000, 4, 30_000, 60_000, 60_000, 1_000);

    private static List<SimNode> nodes(CoreHarness h, int count) {
        for (int i = 0; i < count; i++) {
            h.registerNode("10.0.0." + i + ":7000", 1000);
        }
        return h.nodes;
    }

    private static long client(CoreHarness h) {
        long c = h.connect();
        h.expect(c, Hello.class);
        return c;
    }

    private static PeerInfo peer(CoreHarness h, SimNode n) {
        return h.core.peers(h.now).stream().filter(p -> p.nodeId().equals(n.id)).findFirst().orElseThrow();
    }

    @Test
    void honestNodesPassAuditsAndTheirReputationIsPersisted() {
        CoreHarness h = new CoreHarness();
        List<SimNode> ns = nodes(h, 4);
        h.put(client(h));
        h.advance(21_000);
        for (SimNode n : ns) {
            assertTrue(h.count(n, Challenge.class) >= 2, "every node is audited every interval");
            PeerInfo p = peer(h, n);
            assertEquals(1.0, p.reputation());
            assertTrue(p.audits() >= 2);
            double[] state = h.ledger.afterCrash().node(n.id).orElseThrow().reputation();
            assertEquals(p.audits(), (long) state[1], "the reputation state is committed");
        }
        Challenge c = (Challenge) ns.get(0).history.stream().filter(Challenge.class::isInstance).findFirst().orElseThrow();
        assertEquals("copy", c.scheme());
        assertEquals("block-size=1024,blocks=7", c.parameters());
        assertTrue(ns.get(0).shards.containsKey(c.shard()));
        assertTrue(h.ledger.shard(c.shard()).nextRound() >= 2, "audit rounds are never reused");
        assertFalse(h.log.stream().anyMatch(l -> l.contains("FAILED")), h.log.toString());
    }

    @Test
    void aWrongProofFailsTheAuditAndMarksTheShardUnhealthy() {
        CoreHarness h = new CoreHarness();
        List<SimNode> ns = nodes(h, 4);
        FileRecord r = h.put(client(h));
        SimNode liar = h.nodeById(r.shards().get(2).nodeId());
        liar.mode = Mode.LIAR;
        h.advance(10_500);
        assertEquals(1, peer(h, liar).audits());
        assertEquals(0.5, peer(h, liar).reputation());
        String shard = Order.shardName(r.fileId(), 2);
        assertTrue(h.log.stream().anyMatch(l -> l.contains("audit FAILED: node " + liar.id + ", shard " + shard + ": hash differs")), h.log.toString());
        assertTrue(h.ledger.afterCrash().shard(shard).failed(), "the failure is durable");
        long c = client(h);
        h.send(c, new Locate(r.fileId()));
        assertEquals(List.of(true, true, false, true), h.expect(c, Location.class).healthy());
        assertEquals(0, h.tasks.size(), "3 healthy of 4 is not below the threshold of 3");
    }

    @Test
    void anUnansweredChallengeIsReaskedUnderContainmentThenFails() {
        CoreHarness h = new CoreHarness();
        List<SimNode> ns = nodes(h, 4);
        FileRecord r = h.put(client(h));
        SimNode quiet = ns.get(1);
        quiet.mode = Mode.SILENT;
        h.advance(10_000); // first challenge sent somewhere in here
        long first = h.count(quiet, Challenge.class);
        assertEquals(1, first);
        h.advance(30_000);
        List<Challenge> asked = quiet.history.stream().filter(Challenge.class::isInstance).map(Challenge.class::cast).toList();
        assertTrue(asked.size() >= 3, "asked " + asked.size() + " times");
        for (int i = 1; i < 3; i++) {
            assertEquals(asked.get(0).shard(), asked.get(i).shard(), "a contained node owes the same challenge");
            assertArrayEquals(asked.get(0).challenge(), asked.get(i).challenge());
            assertTrue(asked.get(i).auditId() != asked.get(0).auditId());
        }
        int failedAt = h.log.indexOf(h.log.stream().filter(l -> l.contains("audit FAILED: node " + quiet.id)).findFirst().orElseThrow());
        assertEquals(2, h.log.subList(0, failedAt).stream().filter(l -> l.contains("node contained")).count(), h.log.toString());
        assertTrue(h.log.stream().anyMatch(l -> l.contains("audit FAILED: node " + quiet.id) && l.contains("no answer after 3 attempts")),
                h.log.toString());
        assertEquals(1, peer(h, quiet).audits(), "three unanswered attempts count as one failure");
        assertTrue(h.ledger.shard(asked.get(0).shard()).failed());
        assertTrue(r.shards().stream().anyMatch(s -> s.nodeId().equals(quiet.id)));
    }

    @Test
    void disqualificationMakesAllTheNodesShardsUnhealthyAndTriggersOneRepairPerFile() {
        CoreHarness h = new CoreHarness(EAGER, TestStrategies.doubles(1), new MemoryLedger());
        List<SimNode> ns = nodes(h, 5);
        long c = client(h);
        FileRecord f1 = h.put(c);
        FileRecord f2 = h.put(c);
        Set<String> used = f1.shards().stream().map(FileRecord.ShardEntry::nodeId).collect(Collectors.toSet());
        SimNode spare = ns.stream().filter(n -> !used.contains(n.id)).findFirst().orElseThrow();
        SimNode liar = h.nodeById(f1.shards().get(0).nodeId());
        liar.mode = Mode.LIAR;
        h.advance(10_500);
        assertTrue(peer(h, liar).disqualified());
        assertTrue(h.ledger.afterCrash().node(liar.id).orElseThrow().disqualified(), "disqualification is durable");
        assertTrue(h.log.stream().anyMatch(l -> l.contains("node " + liar.id + " DISQUALIFIED")), h.log.toString());
        assertEquals(2, h.tasks.size(), "both files lost a shard to the disqualification: " + h.log);
        h.advance(5_000);
        assertEquals(2, h.tasks.size(), "one task per file at a time");

        RepairTask t1 = h.tasks.stream().filter(t -> t.fileId().equals(f1.fileId())).findFirst().orElseThrow();
        assertEquals(1, t1.targets().size());
        Placement target = t1.targets().get(0);
        int lostIndex = f1.shards().stream().filter(s -> s.nodeId().equals(liar.id)).findFirst().orElseThrow().index();
        assertEquals(lostIndex, target.index());
        assertEquals(spare.id, target.nodeId(), "a node not holding the file");
        assertEquals(Order.Op.STORE, target.order().op());
        assertEquals(3, t1.sources().size());
        for (Placement s : t1.sources()) {
            assertEquals(Order.Op.READ, s.order().op());
            assertFalse(s.nodeId().equals(liar.id));
            assertTrue(h.sig.verify(h.coordinatorKey.publicKey(), s.order().signedBytes(), s.order().signature()));
        }

        assertThrows(IllegalStateException.class,
                () -> h.core.replaceShard(f1.fileId(), lostIndex, liar.id, new byte[32], new byte[] { 1 }, h.now));
        byte[] rebuilt = f1.shards().get(lostIndex).auditRecord();
        h.core.replaceShard(f1.fileId(), lostIndex, spare.id, f1.shards().get(lostIndex).sha256(), rebuilt, h.now);
        spare.shards.put(Order.shardName(f1.fileId(), lostIndex), rebuilt);
        h.core.repairFinished(f1.fileId(), true, "", h.now);
        assertEquals(spare.id, h.ledger.afterCrash().file(f1.fileId()).orElseThrow().shards().get(lostIndex).nodeId(), "the move is durable");
        h.advance(3_000);
        assertTrue(liar.history.stream().anyMatch(m -> m instanceof Delete d && d.shard().equals(Order.shardName(f1.fileId(), lostIndex))),
                "the old holder is told to delete the shard");
        assertEquals(List.of(f2.fileId()), h.core.repairsRunning());
        long q = client(h);
        h.send(q, new Locate(f1.fileId()));
        assertEquals(List.of(true, true, true, true), h.expect(q, Location.class).healthy());
        assertEquals(2, h.tasks.size(), "the repaired file needs nothing more");
    }

    @Test
    void shardsOnANodeSilentForRepairOfflineAfterCountAsLost() {
        CoreHarness h = new CoreHarness(EAGER, TestStrategies.doubles(2), new MemoryLedger());
        List<SimNode> ns = nodes(h, 5);
        FileRecord r = h.put(client(h));
        SimNode gone = h.nodeById(r.shards().get(3).nodeId());
        gone.alive = false;
        h.advance(10_000);
        assertFalse(peer(h, gone).online());
        assertEquals(0, h.tasks.size(), "offline is not yet lost");
        h.advance(25_000);
        assertEquals(1, h.tasks.size(), h.log.toString());
        assertEquals(3, h.tasks.get(0).targets().get(0).index());
        assertTrue(h.log.stream().anyMatch(l -> l.contains("repair of file " + r.fileId() + " started")), h.log.toString());
        h.core.repairFinished(r.fileId(), false, "source unreachable", h.now);
        assertTrue(h.log.stream().anyMatch(l -> l.contains("repair of file " + r.fileId() + " FAILED: source unreachable")));
        h.advance(1_500);
        assertEquals(2, h.tasks.size(), "a failed repair is planned again by a later scan");
    }

    @Test
    void reputationAndFailuresSurviveARestart() {
        CoreHarness h = new CoreHarness();
        nodes(h, 4);
        FileRecord r = h.put(client(h));
        SimNode liar = h.nodeById(r.shards().get(0).nodeId());
        liar.mode = Mode.LIAR;
        h.advance(10_500);
        h.start(h.ledger.afterCrash());
        assertEquals(0.5, peer(h, liar).reputation());
        assertFalse(peer(h, liar).online(), "nobody is online before registering again");
        long c = client(h);
        h.send(c, new Locate(r.fileId()));
        assertFalse(h.expect(c, Location.class).healthy().get(0));
    }

    @Test
    void anAuditOfAShardRepairMovedAwayMeanwhileIsWithdrawnUncounted() {
        CoreHarness h = new CoreHarness(EAGER, TestStrategies.doubles(5), new MemoryLedger());
        nodes(h, 5);
        FileRecord f = h.put(client(h));
        SimNode liar = h.nodeById(f.shards().get(0).nodeId());
        String shard = Order.shardName(f.fileId(), 0);
        liar.mode = Mode.LIAR;
        h.advance(10_500);
        assertEquals(1, peer(h, liar).audits());
        assertEquals(1, h.tasks.size(), "the failed shard is repaired at once (threshold n)");
        liar.mode = Mode.SILENT;
        h.advance(10_000);
        List<Challenge> asked = liar.history.stream().filter(Challenge.class::isInstance).map(Challenge.class::cast).toList();
        assertEquals(2, asked.size(), "a shard that failed is audited again");
        assertEquals(shard, asked.get(1).shard());

        Placement target = h.tasks.get(0).targets().get(0);
        h.core.replaceShard(f.fileId(), 0, target.nodeId(), f.shards().get(0).sha256(), f.shards().get(0).auditRecord(), h.now);
        h.nodeById(target.nodeId()).shards.put(shard, f.shards().get(0).auditRecord());
        h.send(liar.conn, new org.peerlab.storage.wire.StorageMessage.Error(org.peerlab.storage.wire.ErrorCode.NOT_FOUND, "shard " + shard + " not found on this node"));
        h.advance(40_000);
        assertEquals(1, peer(h, liar).audits(), "the answer about a shard it no longer holds is not counted: " + h.log);
        assertFalse(peer(h, liar).contained());
        assertFalse(h.log.stream().anyMatch(l -> l.contains("node " + liar.id + ", shard " + shard + ": the node answered NOT_FOUND")),
                h.log.toString());
    }
}
