package org.peerlab.storage.node;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;

/** A node core over a memory store with real Ed25519 keys, recording everything it outputs. */
final class NodeFixture implements NodeCore.Output {

    static final long NOW = 1_750_000_000_000L;
    static final String FILE = "0123456789abcdef0123456789abcdef";

    final JdkEd25519 ed25519 = new JdkEd25519();
    final SigningKeyPair coordinator = ed25519.generateKeyPair();
    final SigningKeyPair node = ed25519.generateKeyPair();
    final MemoryShardStore store;
    final NodeCore core;
    final Map<Long, List<StorageMessage>> sent = new HashMap<>();
    final Map<Long, String> closed = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    byte[] pinned;
    String registeredAs;

    /** @param pinnedCoordinator whether the node already knows its coordinator's key */
    NodeFixture(long quota, boolean pinnedCoordinator, Function<String, Optional<AuditScheme>> audits) {
        store = new MemoryShardStore(quota);
        core = new NodeCore(this, store, ed25519, node, pinnedCoordinator ? coordinator.publicKey() : null, audits);
    }

    NodeFixture(long quota) {
        this(quota, true, name -> Optional.empty());
    }

    @Override
    public void send(long connection, byte[] message) {
        try {
            sent.computeIfAbsent(connection, c -> new ArrayList<>()).add(StorageCodec.decode(message));
        } catch (ProtocolException e) {
            throw new AssertionError("the node sent an undecodable message", e);
        }
    }

    @Override
    public void close(long connection, String why) {
        closed.put(connection, why);
    }

    @Override
    public void pin(byte[] coordinatorKey) {
        pinned = coordinatorKey.clone();
    }

    @Override
    public void registered(String nodeId, long heartbeatMillis) {
        registeredAs = nodeId;
    }

    @Override
    public void refused(String why) {
        refused.add(why);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    String nodeId() {
        return core.nodeId();
    }

    Order order(Order.Op op, String shard, String nodeId, long length, long expires, SigningKeyPair signer) {
        Order o = new Order(op, shard, nodeId, length, expires, new byte[0]);
        return o.signed(ed25519.sign(signer.privateKey(), o.signedBytes()));
    }

    Order order(Order.Op op, String shard, long length) {
        return order(op, shard, nodeId(), length, NOW + 60_000, coordinator);
    }

    void receive(long connection, StorageMessage m) {
        core.received(connection, StorageCodec.encode(m), NOW);
    }

    /** @return every message sent on the connection since the last call, and forgets them */
    List<StorageMessage> take(long connection) {
        List<StorageMessage> out = sent.remove(connection);
        return out == null ? List.of() : out;
    }

    /** @return the only message sent on the connection since the last take */
    StorageMessage one(long connection) {
        List<StorageMessage> m = take(connection);
        if (m.size() != 1) {
            throw new AssertionError("expected one message on connection " + connection + ", got " + m);
        }
        return m.get(0);
    }

    /** @return the error sent, asserting its code */
    String error(long connection, ErrorCode code) {
        StorageMessage m = one(connection);
        if (!(m instanceof StorageMessage.Error e) || e.code() != code) {
            throw new AssertionError("expected ERROR " + code + ", got " + m);
        }
        return e.message();
    }

    /** Sends STORE, the bytes in chunks, STORE_END with {@code sha256}. */
    void upload(long connection, Order order, byte[] bytes, int chunk, byte[] sha256) {
        receive(connection, new StorageMessage.Store(order));
        for (int at = 0; at < bytes.length; at += chunk) {
            receive(connection, new StorageMessage.StoreData(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
        }
        receive(connection, new StorageMessage.StoreEnd(sha256));
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static String shard(int index) {
        return Order.shardName(FILE, index);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
