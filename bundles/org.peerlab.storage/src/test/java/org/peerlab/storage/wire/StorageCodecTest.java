package org.peerlab.storage.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.wire.StorageMessage.*;

class StorageCodecTest {

    static FileRecord record(int k, int n, long size, int segment) {
        List<FileRecord.ShardEntry> shards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shards.add(new FileRecord.ShardEntry(i, "node" + i, new byte[32], new byte[] { (byte) i, 2, 3 }));
        }
        byte[] pieces = new byte[(int) (FileRecord.segmentCount(size, segment) * n * 32)];
        Arrays.fill(pieces, (byte) 7);
        return new FileRecord("00112233445566778899aabbccddeeff", "report.pdf", size, segment, 1_700_000_000_000L, "aes-256-gcm",
                "pbkdf2-sha256", "iterations=600000", new byte[16], "reed-solomon", "k=8,n=20", k, n, 1234, "merkle-challenge",
                "blocks=460", shards, pieces);
    }

    static Order order() {
        return new Order(Order.Op.STORE, "00112233445566778899aabbccddeeff.3", "abcd", 1 << 20, 1_800_000_000_000L, new byte[64]);
    }

    private static StorageMessage roundTrip(StorageMessage m) throws ProtocolException {
        return StorageCodec.decode(StorageCodec.encode(m));
    }

    @Test
    void everyMessageSurvivesARoundTrip() throws ProtocolException {
        Placement p = new Placement(3, "abcd", "127.0.0.1:9000", order());
        List<StorageMessage> all = List.of(new Hello(1, "ed25519", new byte[32], new byte[16]),
                new Register(new byte[32], "10.0.0.1:9000", 10L << 30, 5L << 30, new byte[64]), new Registered("abcd", 5000),
                new Heartbeat(1, 2), new Challenge(7, "f.1", "merkle-challenge", "blocks=460", new byte[100_000 / 2]),
                new Proof(7, new byte[2 << 20]), new Delete("f.1"), new PutBegin("a.txt", 10, 4, 8, 20),
                new PutPlan("f", "merkle-challenge", "blocks=460", List.of(p, p)), new PutCommit(record(8, 20, 100, 16)),
                new PutAck("f"), new PutAbort("f", "disk full"), new Locate("f"),
                new Location(record(1, 3, 0, 4096), List.of(p, p, p), List.of(true, false, true)), new Peers(),
                new PeerList(List.of(new PeerInfo("abcd", "h:1", true, 10, 5, 3, 0.97, 12, false, false, 1500))),
                new Replace("f", 2, "abcd", new byte[32], new byte[500]), new Replaced("f", p), new Store(order()),
                new StoreData(new byte[StorageCodec.MAX_DATA]), new StoreEnd(new byte[32]), new Stored("f.1"),
                new Read(order(), 1L << 33, 4096), new Data(new byte[10]), new StorageMessage.Error(ErrorCode.QUOTA, "node full"));
        for (StorageMessage m : all) {
            StorageMessage back = roundTrip(m);
            assertEquals(m.getClass(), back.getClass());
            assertArrayEquals(StorageCodec.encode(m), StorageCodec.encode(back), m.getClass().getSimpleName());
        }
        Location l = (Location) roundTrip(all.get(13));
        assertEquals(List.of(true, false, true), l.healthy());
        assertEquals(0.97, ((PeerList) roundTrip(all.get(15))).peers().get(0).reputation());
    }

    @Test
    void everyStrictPrefixOfAMessageIsRejected() {
        byte[] full = StorageCodec.encode(new PutCommit(record(8, 20, 100, 16)));
        for (int cut = 0; cut < full.length; cut += 7) {
            byte[] part = Arrays.copyOf(full, cut);
            assertThrows(ProtocolException.class, () -> StorageCodec.decode(part), "prefix " + cut);
        }
    }

    @Test
    void limitsAndTrailingBytesAreEnforced() {
        ProtocolException unknown = assertThrows(ProtocolException.class, () -> StorageCodec.decode(new byte[] { 99 }));
        assertTrue(unknown.getMessage().contains("unknown storage message type 99"), unknown.getMessage());
        byte[] tooMuch = new byte[StorageCodec.MAX_DATA + 2];
        tooMuch[0] = (byte) StorageMessage.Type.DATA.code();
        assertThrows(ProtocolException.class, () -> StorageCodec.decode(tooMuch));
        byte[] ack = StorageCodec.encode(new PutAck("f"));
        byte[] trailing = Arrays.copyOf(ack, ack.length + 1);
        assertThrows(ProtocolException.class, () -> StorageCodec.decode(trailing));
        assertThrows(ProtocolException.class, () -> StorageCodec.decode(new byte[0]));
    }

    @Test
    void fileRecordChecksItsShape() throws ProtocolException {
        FileRecord r = record(8, 20, 100, 16);
        assertEquals(7, r.segments());
        assertEquals(r.fileId(), FileRecords.fromBytes(FileRecords.toBytes(r)).fileId());
        FileRecord wrongHashes = new FileRecord(r.fileId(), r.name(), r.size(), r.segmentSize(), r.createdMillis(), r.aead(), r.kdf(),
                r.kdfParameters(), r.salt(), r.redundancy(), r.redundancyParameters(), 8, 20, 1, r.audit(), r.auditParameters(), r.shards(),
                new byte[32]);
        ProtocolException e = assertThrows(ProtocolException.class, () -> FileRecords.fromBytes(FileRecords.toBytes(wrongHashes)));
        assertTrue(e.getMessage().contains("piece hashes"), e.getMessage());
        assertEquals(1, FileRecord.segmentCount(0, 16), "an empty file has one (empty) segment");
    }

    @Test
    void ordersSignDistinctBytesPerField() {
        Order o = order();
        Order other = new Order(Order.Op.READ, o.shard(), o.nodeId(), o.length(), o.expiresAtMillis(), o.signature());
        assertTrue(!Arrays.equals(o.signedBytes(), other.signedBytes()));
        assertEquals("f.3", Order.shardName("f", 3));
    }
}
