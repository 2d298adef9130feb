package org.peerlab.storage.net.coordinator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.coordinator.RepairTask;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.Placement;

/**
 * The repair worker rebuilds a shard segment by segment from intact pieces, falls back to another
 * source when one hands out a damaged piece, and commits only what a node confirmed.
 */
class RepairWorkerTest {

    private static final String FILE = "00112233445566778899aabbccddeeff";
    private static final int N = 4;

    private final MemoryTransportDouble tcp = new MemoryTransportDouble();
    private final RepairDoubles registry = new RepairDoubles(new RepairDoubles.PairCode(), new RepairDoubles.Tag16(), new RepairDoubles.CopyAudit());
    private final List<NodeDouble> nodes = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();
    private final List<String> finished = new ArrayList<>();
    private byte[][] shards;
    private FileRecord record;

    /** A file of two segments (4 MiB and 1 MiB + 123 bytes of plaintext), 2-of-4, shards on nodes 0..3; node 4 is spare. */
    private void store() throws IOException {
        for (int i = 0; i < 5; i++) {
            NodeDouble n = new NodeDouble();
            nodes.add(n);
            tcp.listen("node" + i, null, n);
        }
        long size = (5L << 20) + 123;
        int segment = 4 << 20;
        ErasureCodec codec = new RepairDoubles.PairCode().newCodec(new RepairDoubles.PairCode().descriptor().bind(Map.of("total-shards", "4")));
        SegmentLayout layout = SegmentLayout.of(size, segment, 16, codec);
        assertEquals(2, layout.segments());
        assertTrue(layout.fullPieceLength() > (1 << 20), "pieces take several READs");
        shards = new byte[N][(int) layout.shardLength()];
        byte[] hashes = new byte[(int) PieceHashes.length(layout.segments(), N)];
        SplittableRandom rnd = new SplittableRandom(3);
        for (long s = 0; s < layout.segments(); s++) {
            byte[] sealed = new byte[layout.sealedLength(s)];
            rnd.nextBytes(sealed);
            List<Shard> pieces = codec.encode(sealed);
            for (int i = 0; i < N; i++) {
                byte[] p = pieces.get(i).data();
                assertEquals(layout.pieceLength(s), p.length);
                System.arraycopy(p, 0, shards[i], (int) layout.pieceOffset(s), p.length);
                System.arraycopy(PieceHashes.sha256().digest(p), 0, hashes, PieceHashes.offset(s, i, N), 32);
            }
        }
        List<FileRecord.ShardEntry> entries = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            nodes.get(i).shards.put(Order.shardName(FILE, i), shards[i].clone());
            entries.add(new FileRecord.ShardEntry(i, "id" + i, PieceHashes.sha256().digest(shards[i]), new byte[] { 1 }));
        }
        record = new FileRecord(FILE, "f", size, segment, 1, "tag16", "", "", new byte[0], "pair-code", "total-shards=4", 2, N,
                layout.shardLength(), "copy", "", entries, hashes);
    }

    private static Placement placement(int index, int node, Order.Op op) {
        return new Placement(index, "id" + node, "node" + node, new Order(op, Order.shardName(FILE, index), "id" + node, 0, Long.MAX_VALUE,
                new byte[0]));
    }

    private RepairWorker.Outcome repair(List<Placement> sources, List<Placement> targets) throws Exception {
        RepairWorker w = new RepairWorker(tcp, registry, new RepairWorker.Sink() {
            @Override
            public void replace(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord) {
                assertArrayEquals(record.shards().get(index).sha256(), sha256);
                assertArrayEquals(shards[index], auditRecord, "the copy audit record holds the rebuilt shard");
                committed.add(index + "->" + nodeId);
            }

            @Override
            public void finished(String fileId, boolean success, String detail) {
                finished.add(success + ": " + detail);
            }
        });
        try {
            return w.repair(new RepairTask(record, sources, targets, Long.MAX_VALUE));
        } finally {
            w.close();
        }
    }

    @Test
    void rebuildsALostShardAndFallsBackFromADamagedSource() throws Exception {
        store();
        byte[] damaged = nodes.get(1).shards.get(Order.shardName(FILE, 1));
        damaged[damaged.length - 7] ^= 0x40; // in segment 1's piece
        RepairWorker.Outcome o = repair(List.of(placement(0, 0, Order.Op.READ), placement(1, 1, Order.Op.READ), placement(2, 2, Order.Op.READ)),
                List.of(placement(3, 4, Order.Op.STORE)));
        assertTrue(o.success(), o.detail());
        assertTrue(o.detail().contains("does not match the recorded hash"), o.detail());
        assertArrayEquals(shards[3], nodes.get(4).shards.get(Order.shardName(FILE, 3)), "the rebuilt shard is byte for byte the lost one");
        assertEquals(List.of("3->id4"), committed);
        assertTrue(nodes.get(2).reads > 0, "the third source stood in");
    }

    @Test
    void rebuildsTwoShardsFromParityPiecesAlone() throws Exception {
        store();
        RepairWorker.Outcome o = repair(List.of(placement(2, 2, Order.Op.READ), placement(3, 3, Order.Op.READ)),
                List.of(placement(0, 4, Order.Op.STORE), placement(1, 0, Order.Op.STORE)));
        assertTrue(o.success(), o.detail());
        assertArrayEquals(shards[0], nodes.get(4).shards.get(Order.shardName(FILE, 0)));
        assertArrayEquals(shards[1], nodes.get(0).shards.get(Order.shardName(FILE, 1)));
        assertEquals(List.of("0->id4", "1->id0"), committed);
    }

    @Test
    void commitsNothingForATargetThatRefusesAndFailsWhenTooFewSourcesAnswer() throws Exception {
        store();
        nodes.get(4).refuseStores = true;
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> repair(
                List.of(placement(0, 0, Order.Op.READ), placement(1, 1, Order.Op.READ)), List.of(placement(3, 4, Order.Op.STORE))));
        assertTrue(refused.getMessage().contains("every target failed") && refused.getMessage().contains("QUOTA"), refused.getMessage());
        assertTrue(committed.isEmpty());

        RepairWorker.Outcome partly = repair(List.of(placement(0, 0, Order.Op.READ), placement(1, 1, Order.Op.READ)),
                List.of(placement(2, 4, Order.Op.STORE), placement(3, 0, Order.Op.STORE)));
        assertFalse(partly.success(), "one of two targets refused");
        assertTrue(partly.detail().startsWith("1 of 2 shard(s) rebuilt") && partly.detail().contains("QUOTA"), partly.detail());
        assertEquals(List.of("3->id0"), committed, "only the shard a node confirmed is committed");
        committed.clear();

        nodes.get(4).refuseStores = false;
        nodes.get(1).shards.clear();
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> repair(
                List.of(placement(0, 0, Order.Op.READ), placement(1, 1, Order.Op.READ), placement(2, 9, Order.Op.READ)),
                List.of(placement(3, 4, Order.Op.STORE))));
        assertTrue(e.getMessage().contains("NOT_FOUND") && e.getMessage().contains("cannot reach"), e.getMessage());
        assertTrue(committed.isEmpty());
    }

    @Test
    void submitReportsTheOutcomeToTheSink() throws Exception {
        store();
        RepairWorker w = new RepairWorker(tcp, registry, new RepairWorker.Sink() {
            @Override
            public void replace(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord) {
                committed.add(index + "->" + nodeId);
            }

            @Override
            public synchronized void finished(String fileId, boolean success, String detail) {
                finished.add(fileId + " " + success);
                notifyAll();
            }
        });
        w.submit(new RepairTask(record, List.of(placement(0, 0, Order.Op.READ), placement(1, 1, Order.Op.READ)),
                List.of(placement(2, 4, Order.Op.STORE)), Long.MAX_VALUE));
        long end = System.currentTimeMillis() + 30_000;
        while (finished.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        w.close();
        assertEquals(List.of(FILE + " true"), finished);
        assertEquals(List.of("2->id4"), committed);
    }
}
