package org.peerlab.storage.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerlab.storage.node.NodeFixture.NOW;
import static org.peerlab.storage.node.NodeFixture.bytes;
import static org.peerlab.storage.node.NodeFixture.sha256;
import static org.peerlab.storage.node.NodeFixture.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.ShardAccess;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.Signed;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Challenge;
import org.peerlab.storage.wire.StorageMessage.Heartbeat;
import org.peerlab.storage.wire.StorageMessage.Hello;
import org.peerlab.storage.wire.StorageMessage.Proof;
import org.peerlab.storage.wire.StorageMessage.Register;
import org.peerlab.storage.wire.StorageMessage.Registered;

class NodeCoreCoordinatorTest {

    private static final long LINK = 100;
    private static final byte[] NONCE = bytes(16, 9);

    /**
     * Test double for the dispatch only (the real schemes run in the process tests): the
     * challenge names a range, the response is those bytes times the parameter {@code factor}.
     */
    static final class RangeAudit implements AuditScheme {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "range", "test double: answers with a byte range",
                    ParameterSpec.integer("factor", "copies of the range", 1, 1, 4));
        }

        @Override
        public AuditRecordBuilder recordBuilder(Parameters parameters, long shardLength, byte[] secret) {
            throw new UnsupportedOperationException("the node never builds records");
        }

        @Override
        public byte[] challenge(Parameters parameters, byte[] record, long round, RandomGenerator random) {
            throw new UnsupportedOperationException("the node never makes challenges");
        }

        @Override
        public byte[] respond(Parameters parameters, byte[] challenge, ShardAccess shard) throws IOException {
            if (challenge.length != 12) {
                throw new IllegalArgumentException("a range challenge is 12 bytes, got " + challenge.length);
            }
            ByteBuffer c = ByteBuffer.wrap(challenge);
            long offset = c.getLong();
            byte[] range = new byte[c.getInt()];
            shard.read(offset, range, 0, range.length);
            ByteBuffer out = ByteBuffer.allocate(range.length * parameters.getInt("factor"));
            while (out.hasRemaining()) {
                out.put(range);
            }
            return out.array();
        }

        @Override
        public AuditVerdict verify(Parameters parameters, byte[] record, byte[] challenge, byte[] response) {
            throw new UnsupportedOperationException("the node never verifies");
        }
    }

    private static NodeFixture registered(boolean pinned) {
        RangeAudit range = new RangeAudit();
        NodeFixture f = new NodeFixture(1 << 20, pinned, name -> name.equals("range") ? Optional.of(range) : Optional.empty());
        f.core.coordinatorConnected(LINK, "127.0.0.1:9100", NOW);
        f.receive(LINK, new Hello(StorageCodec.VERSION, "ed25519", f.coordinator.publicKey(), NONCE));
        Register r = assertInstanceOf(Register.class, f.one(LINK));
        assertArrayEquals(f.node.publicKey(), r.nodeKey());
        assertEquals("127.0.0.1:9100", r.address());
        assertEquals(1 << 20, r.capacity());
        assertTrue(f.ed25519.verify(r.nodeKey(), Signed.register(NONCE, r.nodeKey(), r.address(), r.capacity()), r.proof()));
        assertFalse(f.core.registered());
        f.receive(LINK, new Registered(NodeCore.nodeId(f.node.publicKey()), 5000));
        assertTrue(f.core.registered());
        return f;
    }

    private static byte[] range(long offset, int length) {
        return ByteBuffer.allocate(12).putLong(offset).putInt(length).array();
    }

    @Test
    void aNewNodeRegistersPinsTheKeyAndHeartbeats() {
        NodeFixture f = registered(false);
        assertArrayEquals(f.coordinator.publicKey(), f.pinned);
        assertEquals(f.nodeId(), f.registeredAs);
        assertEquals(32, f.nodeId().length());
        f.core.tick(NOW + 4999);
        assertTrue(f.take(LINK).isEmpty());
        f.core.tick(NOW + 5000);
        assertEquals(new Heartbeat(1 << 20, 0), f.one(LINK));

        f.core.clientConnected(1, NOW); // orders now check against the pinned key
        byte[] shard = bytes(100, 1);
        f.upload(1, f.order(Order.Op.STORE, shard(0), 100), shard, 100, sha256(shard));
        assertInstanceOf(StorageMessage.Stored.class, f.one(1));
        f.core.tick(NOW + 10_000);
        assertEquals(new Heartbeat((1 << 20) - 100, 1), f.one(LINK));
    }

    @Test
    void anAlreadyPinnedNodeKeepsItsKey() {
        NodeFixture f = registered(true);
        assertNull(f.pinned, "nothing new to pin");
    }

    @Test
    void aDifferentCoordinatorKeyIsRefused() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.coordinatorConnected(LINK, "127.0.0.1:9100", NOW);
        f.receive(LINK, new Hello(StorageCodec.VERSION, "ed25519", f.ed25519.generateKeyPair().publicKey(), NONCE));
        assertTrue(f.take(LINK).isEmpty(), "no REGISTER to a stranger");
        assertTrue(f.refused.get(0).startsWith("coordinator key mismatch"), f.refused.toString());
        assertTrue(f.closed.containsKey(LINK));
        assertFalse(f.core.registered());
    }

    @Test
    void aRefusedRegistrationIsReported() {
        NodeFixture f = new NodeFixture(1 << 20, false, name -> Optional.empty());
        f.core.coordinatorConnected(LINK, "127.0.0.1:9100", NOW);
        f.receive(LINK, new Hello(StorageCodec.VERSION, "ed25519", f.coordinator.publicKey(), NONCE));
        f.one(LINK);
        f.receive(LINK, new StorageMessage.Error(ErrorCode.WRONG_KEY, "proof does not verify"));
        assertEquals("the coordinator refused the registration: WRONG_KEY: proof does not verify", f.refused.get(0));
        assertNull(f.pinned);
        assertTrue(f.core.coordinatorKey().isEmpty());
    }

    @Test
    void challengesAreAnsweredFromTheStoredShard() {
        NodeFixture f = registered(true);
        f.core.clientConnected(1, NOW);
        byte[] shard = bytes(4096, 2);
        f.upload(1, f.order(Order.Op.STORE, shard(5), shard.length), shard, 1000, sha256(shard));
        f.one(1);

        f.receive(LINK, new Challenge(7, shard(5), "range", "factor=2", range(100, 10)));
        Proof p = assertInstanceOf(Proof.class, f.one(LINK));
        assertEquals(7, p.auditId());
        byte[] ten = Arrays.copyOfRange(shard, 100, 110);
        byte[] twice = Arrays.copyOf(ten, 20);
        System.arraycopy(ten, 0, twice, 10, 10);
        assertArrayEquals(twice, p.response());

        f.receive(LINK, new Challenge(8, shard(6), "range", "", range(0, 1)));
        assertEquals("shard " + shard(6) + " not found on this node", f.error(LINK, ErrorCode.NOT_FOUND));
        f.receive(LINK, new Challenge(9, shard(5), "no-such-audit", "", range(0, 1)));
        assertTrue(f.error(LINK, ErrorCode.INTERNAL).contains("audit scheme 'no-such-audit' is not installed"));
        f.receive(LINK, new Challenge(10, shard(5), "range", "factor=9", range(0, 1)));
        assertTrue(f.error(LINK, ErrorCode.MALFORMED).startsWith("shard " + shard(5) + ": challenge rejected"));
        f.receive(LINK, new Challenge(11, shard(5), "range", "", new byte[3]));
        assertTrue(f.error(LINK, ErrorCode.MALFORMED).contains("a range challenge is 12 bytes"));
        f.receive(LINK, new Challenge(12, shard(5), "range", "", range(4090, 10)));
        assertTrue(f.error(LINK, ErrorCode.INTERNAL).contains("cannot read it"));
        assertTrue(f.core.registered(), "audit errors do not end the link");

        f.receive(LINK, new StorageMessage.Delete(shard(5)));
        assertTrue(f.take(LINK).isEmpty());
        assertTrue(f.store.list().isEmpty());
        assertTrue(f.log.contains("deleted " + shard(5)));
    }

    @Test
    void messagesOutOfOrderOrMalformedEndTheLinkOnly() {
        NodeFixture f = new NodeFixture(1 << 20);
        f.core.clientConnected(1, NOW);
        f.core.coordinatorConnected(LINK, "127.0.0.1:9100", NOW);
        f.receive(LINK, new Challenge(1, shard(0), "range", "", new byte[12]));
        assertTrue(f.error(LINK, ErrorCode.UNEXPECTED).contains("did not expect CHALLENGE"));
        assertTrue(f.closed.containsKey(LINK));

        NodeFixture g = registered(true);
        g.core.clientConnected(1, NOW);
        g.core.received(LINK, new byte[] { (byte) StorageMessage.Type.DELETE.code() }, NOW);
        g.error(LINK, ErrorCode.MALFORMED);
        assertTrue(g.closed.containsKey(LINK));
        assertFalse(g.core.registered());
        assertFalse(g.closed.containsKey(1L));
        g.core.coordinatorConnected(LINK + 1, "127.0.0.1:9100", NOW); // the adapter reconnects
        g.receive(LINK + 1, new Hello(StorageCodec.VERSION, "ed25519", g.coordinator.publicKey(), NONCE));
        assertInstanceOf(Register.class, g.one(LINK + 1));
    }
}
