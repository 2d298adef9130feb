package org.peerlab.storage.coordinator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.PeerInfo;
import org.peerlab.storage.wire.Signed;
import org.peerlab.storage.wire.StorageMessage.Heartbeat;
import org.peerlab.storage.wire.StorageMessage.Register;
import org.peerlab.storage.wire.StorageMessage.Registered;

/**
 * The node registry: registration (with proof of the node's key), heartbeats, who is online,
 * who may receive shards, and the PEERS view. Nodes are kept sorted by id so that every
 * iteration (audits, placement candidates) is deterministic under a seeded random. Not thread-safe.
 */
final class NodeRegistry {

    private final CoordinatorContext ctx;
    private final FileIndex files;
    private final Map<String, NodeState> nodes = new TreeMap<>();

    NodeRegistry(CoordinatorContext ctx, FileIndex files, long nowMillis) {
        this.ctx = ctx;
        this.files = files;
        for (NodeRecord r : ctx.ledger.nodes()) {
            try {
                ctx.tracker.restoreNode(r.id(), r.reputation());
            } catch (IllegalArgumentException e) {
                ctx.tracker.addNode(r.id());
                ctx.log("node " + r.id() + ": stored reputation does not fit the " + ctx.settings.reputation() + " scheme ("
                        + e.getMessage() + "); starting afresh");
            }
            nodes.put(r.id(), new NodeState(r, nowMillis));
        }
    }

    /** @return the node id of a public key: lower-case hex of the first 16 bytes of its SHA-256 */
    static String nodeId(byte[] publicKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    NodeState get(String id) {
        return nodes.get(id);
    }

    Collection<NodeState> all() {
        return nodes.values();
    }

    boolean online(NodeState n, long now) {
        return n.lastHeartbeat != NodeState.NEVER && now - n.lastHeartbeat <= ctx.settings.offlineAfterMillis();
    }

    /** @return whether shards on this node count as lost for repair: disqualified, or silent for repair-offline-after */
    boolean lost(NodeState n, long now) {
        return n.record.disqualified() || now - n.silentSince > ctx.settings.repairOfflineAfterMillis();
    }

    /**
     * Handles REGISTER on connection {@code conn} that was greeted with {@code nonce}.
     *
     * @return the node id, or {@code null} if refused (the connection is then closed)
     */
    String register(long conn, byte[] nonce, Register r, long now) {
        byte[] key = r.nodeKey();
        if (key.length != ctx.signer.scheme().publicKeyLength()) {
            return refuse(conn, ErrorCode.WRONG_KEY, "a " + ctx.signer.schemeName() + " public key has " + ctx.signer.scheme().publicKeyLength()
                    + " bytes, the registration carries " + key.length);
        }
        if (!ctx.signer.scheme().verify(key, Signed.register(nonce, key, r.address(), r.capacity()), r.proof())) {
            return refuse(conn, ErrorCode.WRONG_KEY, "the registration proof does not verify under the node's key (it must sign this"
                    + " connection's HELLO nonce, the key, the address and the capacity)");
        }
        String id = nodeId(key);
        NodeState n = nodes.get(id);
        if (n != null && !Arrays.equals(n.record.publicKey(), key)) {
            return refuse(conn, ErrorCode.WRONG_KEY, "node id " + id + " is registered with another key");
        }
        if (!validAddress(r.address())) {
            return refuse(conn, ErrorCode.MALFORMED, "advertised address '" + r.address() + "' is not host:port with a port of 1..65535");
        }
        boolean known = n != null;
        if (!known) {
            ctx.tracker.addNode(id);
            n = new NodeState(new NodeRecord(id, key, r.address(), r.capacity(), ctx.tracker.state(id), false), now);
            nodes.put(id, n);
        } else {
            n.record = n.record.withAddress(r.address(), r.capacity());
        }
        ctx.ledger.putNode(n.record);
        ctx.commit();
        if (n.conn >= 0 && n.conn != conn) {
            ctx.out.close(n.conn, "node " + id + " registered again on another connection");
        }
        n.conn = conn;
        n.lastHeartbeat = now;
        n.silentSince = now;
        n.free = r.free();
        n.wasOnline = true;
        n.nextAuditAt = now + ctx.random.nextLong(ctx.settings.auditIntervalMillis());
        ctx.send(conn, new Registered(id, ctx.settings.heartbeatMillis()));
        ctx.log("node " + id + (known ? " re-registered" : " registered") + " at " + r.address() + ", capacity "
                + CoordinatorContext.bytes(r.capacity()) + ", free " + CoordinatorContext.bytes(r.free())
                + (n.record.disqualified() ? " (disqualified: it gets no shards and no audits)" : ""));
        return id;
    }

    private String refuse(long conn, ErrorCode code, String why) {
        ctx.error(conn, code, why);
        ctx.out.close(conn, "registration refused: " + why);
        return null;
    }

    static boolean validAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            return port >= 1 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void heartbeat(NodeState n, Heartbeat h, long now) {
        n.lastHeartbeat = now;
        n.silentSince = now;
        n.free = h.free();
        n.reportedShards = h.shards();
        if (!n.wasOnline) {
            n.wasOnline = true;
            ctx.log("node " + n.id() + " is back online");
        }
    }

    /** The node's registration connection closed; it stays online until its heartbeats are overdue. */
    void disconnected(NodeState n, long conn) {
        if (n.conn == conn) {
            n.conn = -1;
        }
    }

    /** Logs nodes that went offline since the last tick. */
    void tick(long now) {
        for (NodeState n : nodes.values()) {
            if (n.wasOnline && !online(n, now)) {
                n.wasOnline = false;
                ctx.log("node " + n.id() + " is offline (no heartbeat for " + (now - n.lastHeartbeat) + " ms)");
            }
        }
    }

    /**
     * @return the nodes that may receive new shards: online, not disqualified, reputation at least
     *         min-reputation, not in {@code exclude}; each with its score and free space
     */
    List<NodeCandidate> candidates(long now, Set<String> exclude) {
        List<NodeCandidate> list = new ArrayList<>();
        for (NodeState n : nodes.values()) {
            double score = ctx.tracker.score(n.id());
            if (online(n, now) && !n.record.disqualified() && score >= ctx.settings.minReputation() && !exclude.contains(n.id())) {
                list.add(new NodeCandidate(n.id(), score, n.free));
            }
        }
        return list;
    }

    List<PeerInfo> peers(long now) {
        List<PeerInfo> list = new ArrayList<>();
        for (NodeState n : nodes.values()) {
            String id = n.id();
            long seen = n.lastHeartbeat == NodeState.NEVER ? now - n.silentSince : now - n.lastHeartbeat;
            list.add(new PeerInfo(id, n.record.address(), online(n, now), n.record.capacity(), n.free, files.shardsOf(id).size(),
                    ctx.tracker.score(id), ctx.tracker.audits(id), ctx.tracker.contained(id), n.record.disqualified(), Math.max(0, seen)));
        }
        return list;
    }
}
