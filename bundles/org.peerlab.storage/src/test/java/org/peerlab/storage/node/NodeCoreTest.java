package org.peerlab.storage.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerlab.storage.node.NodeFixture.NOW;
import static org.peerlab.storage.node.NodeFixture.bytes;
import static org.peerlab.storage.node.NodeFixture.sha256;
import static org.peerlab.storage.node.NodeFixture.shard;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Data;
import org.peerlab.storage.wire.StorageMessage.Read;
import org.peerlab.storage.wire.StorageMessage.Store;
import org.peerlab.storage.wire.StorageMessage.StoreData;
import org.peerlab.storage.wire.StorageMessage.StoreEnd;
import org.peerlab.storage.wire.StorageMessage.Stored;

class NodeCoreTest {

    @Test
    void aStoredShardReadsBackWholeAndInParts() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        byte[] shard = bytes(10_000, 1);
        f.upload(1, f.order(Order.Op.STORE, shard(3), shard.length), shard, 4096, sha256(shard));
        assertEquals(new Stored(shard(3)), f.one(1));
        assertEquals(List.of(shard(3)), f.store.list());
        assertEquals(shard.length, f.store.used());
        assertEquals(0, f.store.reserved());

        Order read = f.order(Order.Op.READ, shard(3), shard.length);
        f.receive(1, new Read(read, 0, shard.length));
        assertArrayEquals(shard, assertInstanceOf(Data.class, f.one(1)).data());
        f.receive(1, new Read(read, 9_000, 1000));
        assertArrayEquals(Arrays.copyOfRange(shard, 9_000, 10_000), assertInstanceOf(Data.class, f.one(1)).data());
        f.receive(1, new Read(read, 9_001, 1000));
        assertTrue(f.error(1, ErrorCode.TOO_LARGE).contains("outside shard " + shard(3)));
        f.receive(1, new Read(f.order(Order.Op.READ, shard(4), 10), 0, 10));
        assertEquals("shard " + shard(4) + " not found on this node", f.error(1, ErrorCode.NOT_FOUND));
        assertTrue(f.closed.isEmpty());
    }

    @Test
    void badOrdersAreRefusedAndTheirDataIgnored() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        byte[] shard = bytes(100, 2);
        SigningKeyPair stranger = f.ed25519.generateKeyPair();
        String other = "00000000000000000000000000000000";
        List<Order> bad = List.of(f.order(Order.Op.STORE, shard(0), f.nodeId(), 100, NOW + 1000, stranger),
                f.order(Order.Op.STORE, shard(0), other, 100, NOW + 1000, f.coordinator),
                f.order(Order.Op.STORE, shard(0), f.nodeId(), 100, NOW - 1, f.coordinator),
                f.order(Order.Op.READ, shard(0), 100));
        List<String> expected = List.of("is not signed by this node's coordinator", "is for node " + other + ", this is node " + f.nodeId(),
                "expired at", "permits READ, not STORE");
        for (int i = 0; i < bad.size(); i++) {
            f.upload(1, bad.get(i), shard, 30, sha256(shard));
            String message = f.error(1, ErrorCode.WRONG_KEY); // exactly one answer: the data that followed was ignored
            assertTrue(message.contains(expected.get(i)), message);
        }
        Order forged = f.order(Order.Op.STORE, shard(0), 100).signed(f.order(Order.Op.STORE, shard(1), 100).signature());
        f.upload(1, forged, shard, 30, sha256(shard));
        f.error(1, ErrorCode.WRONG_KEY);
        Order read = f.order(Order.Op.READ, shard(0), 100);
        f.receive(1, new Read(new Order(Order.Op.READ, shard(0), f.nodeId(), 100, NOW + 1000, read.signature()), 0, 10));
        f.error(1, ErrorCode.WRONG_KEY);
        assertTrue(f.store.list().isEmpty());
        assertEquals(0, f.store.reserved());

        f.upload(1, f.order(Order.Op.STORE, shard(0), 100), shard, 30, sha256(shard)); // the connection still works
        assertEquals(new Stored(shard(0)), f.one(1));
        assertTrue(f.closed.isEmpty());
    }

    @Test
    void moreDataThanTheOrderAllowsIsTooLargeAndNothingIsStored() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        byte[] shard = bytes(150, 3);
        f.upload(1, f.order(Order.Op.STORE, shard(1), 100), shard, 60, sha256(shard));
        assertTrue(f.error(1, ErrorCode.TOO_LARGE).contains("more than the 100 bytes its order allows"));
        f.receive(1, new Store(f.order(Order.Op.STORE, shard(1), 2L << 20)));
        assertTrue(f.error(1, ErrorCode.TOO_LARGE).contains("larger than this node's whole quota"));
        f.receive(1, new StoreEnd(new byte[32]));
        assertTrue(f.take(1).isEmpty());
        assertTrue(f.store.list().isEmpty());
        assertEquals(0, f.store.reserved());
    }

    @Test
    void theQuotaCountsUploadsInProgress() {
        NodeFixture f = new NodeFixture(1000);
        f.core.clientConnected(1, NOW);
        f.core.clientConnected(2, NOW);
        f.receive(1, new Store(f.order(Order.Op.STORE, shard(0), 600)));
        assertTrue(f.take(1).isEmpty());
        f.receive(2, new Store(f.order(Order.Op.STORE, shard(1), 600)));
        String why = f.error(2, ErrorCode.QUOTA);
        assertTrue(why.startsWith("no room for shard " + shard(1)), why);
        f.receive(2, new Store(f.order(Order.Op.STORE, shard(0), 100)));
        assertTrue(f.error(2, ErrorCode.UNEXPECTED).contains("being stored by another connection"));
        f.receive(2, new Store(f.order(Order.Op.STORE, shard(1), 400)));
        assertTrue(f.take(2).isEmpty());
        assertEquals(0, f.store.free());
    }

    @Test
    void aChecksumMismatchIsCorruptAndLeavesNothing() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        byte[] shard = bytes(5000, 4);
        byte[] wrong = sha256(shard);
        wrong[0] ^= 1;
        f.upload(1, f.order(Order.Op.STORE, shard(2), shard.length), shard, 1000, wrong);
        assertTrue(f.error(1, ErrorCode.CORRUPT).startsWith("shard " + shard(2) + " not stored"));
        f.upload(1, f.order(Order.Op.STORE, shard(2), shard.length), Arrays.copyOf(shard, 4000), 1000, sha256(shard));
        assertEquals("shard " + shard(2) + " ended after 4000 of its 5000 bytes", f.error(1, ErrorCode.CORRUPT));
        assertTrue(f.store.list().isEmpty());
        assertEquals(0, f.store.used());
        assertEquals(f.store.quota(), f.store.free());
    }

    @Test
    void aShardWhoseSizeChangedIsReportedDamagedNotServed() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        byte[] shard = bytes(100, 5);
        f.upload(1, f.order(Order.Op.STORE, shard(0), 100), shard, 100, sha256(shard));
        f.one(1);
        f.store.damage(shard(0), Arrays.copyOf(shard, 90));
        f.receive(1, new Read(f.order(Order.Op.READ, shard(0), 100), 0, 10));
        assertEquals("shard " + shard(0) + " holds 90 bytes but its order says 100: it is damaged", f.error(1, ErrorCode.CORRUPT));
    }

    @Test
    void aMalformedFrameClosesOnlyItsConnection() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        f.core.clientConnected(2, NOW);
        byte[] a = bytes(3000, 6);
        byte[] b = bytes(3000, 7);
        f.receive(1, new Store(f.order(Order.Op.STORE, shard(0), a.length)));
        f.receive(2, new Store(f.order(Order.Op.STORE, shard(1), b.length)));
        f.receive(1, new StoreData(Arrays.copyOf(a, 1000)));
        f.receive(2, new StoreData(Arrays.copyOf(b, 1000)));
        f.core.received(1, new byte[] { (byte) StorageMessage.Type.STORE_END.code(), 1, 2 }, NOW); // a truncated sha256
        assertTrue(f.error(1, ErrorCode.MALFORMED).contains("sha256"));
        assertTrue(f.closed.containsKey(1L));
        assertEquals(1, f.core.clientCount());
        f.core.received(1, new byte[] { 99 }, NOW); // late frames of the closed connection are ignored
        assertTrue(f.take(1).isEmpty());

        f.receive(2, new StoreData(Arrays.copyOfRange(b, 1000, 3000)));
        f.receive(2, new StoreEnd(sha256(b)));
        assertEquals(new Stored(shard(1)), f.one(2));
        assertEquals(List.of(shard(1)), f.store.list());
        assertEquals(f.store.quota() - b.length, f.store.free(), "the dropped upload's reservation is released");
        assertFalse(f.closed.containsKey(2L));
    }

    @Test
    void aConnectionLostMidStoreLeavesNothing() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        f.receive(1, new Store(f.order(Order.Op.STORE, shard(0), 2000)));
        f.receive(1, new StoreData(new byte[1000]));
        f.core.disconnected(1);
        assertTrue(f.store.list().isEmpty());
        assertEquals(0, f.store.reserved());
        f.core.clientConnected(2, NOW);
        byte[] shard = bytes(2000, 8);
        f.upload(2, f.order(Order.Op.STORE, shard(0), 2000), shard, 2000, sha256(shard));
        assertEquals(new Stored(shard(0)), f.one(2));
    }

    @Test
    void protocolViolationsAndIdleUploadsCloseTheConnection() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        f.receive(1, new StoreData(new byte[10]));
        assertEquals("STORE_DATA without a STORE", f.error(1, ErrorCode.UNEXPECTED));
        f.receive(1, new StoreData(new byte[10]));
        assertTrue(f.take(1).isEmpty());
        f.receive(1, new StorageMessage.Locate("x"));
        assertEquals("a storage node does not answer LOCATE from clients", f.error(1, ErrorCode.UNEXPECTED));
        f.receive(1, new Store(f.order(Order.Op.STORE, shard(0), 100)));
        f.receive(1, new Read(f.order(Order.Op.READ, shard(0), 100), 0, 10));
        assertTrue(f.error(1, ErrorCode.UNEXPECTED).startsWith("READ while shard " + shard(0)));
        assertTrue(f.closed.containsKey(1L));
        assertEquals(0, f.store.reserved());

        f.core.clientConnected(2, NOW);
        f.receive(2, new Store(f.order(Order.Op.STORE, shard(0), 100)));
        f.core.tick(NOW + NodeCore.STORE_IDLE_MILLIS);
        assertFalse(f.closed.containsKey(2L));
        f.core.tick(NOW + NodeCore.STORE_IDLE_MILLIS + 1);
        assertTrue(f.error(2, ErrorCode.UNEXPECTED).contains("upload abandoned"));
        assertTrue(f.closed.containsKey(2L));
        assertEquals(0, f.store.reserved());
    }

    @Test
    void aNodeThatNeverRegisteredRefusesOrders() {
        NodeFixture f = new NodeFixture(1 << 20, false, name -> java.util.Optional.empty());
        f.core.clientConnected(1, NOW);
        f.receive(1, new Store(f.order(Order.Op.STORE, shard(0), 100)));
        assertTrue(f.error(1, ErrorCode.WRONG_KEY).contains("has not registered with a coordinator yet"));
    }
}
