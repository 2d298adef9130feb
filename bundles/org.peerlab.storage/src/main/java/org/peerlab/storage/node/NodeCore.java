package org.peerlab.storage.node;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;

/**
 * A storage node's protocol state, sans-I/O. Connections are numbers chosen by the adapter: any
 * number of client connections (STORE, STORE_DATA, STORE_END, READ, one request at a time each)
 * and at most one coordinator link (HELLO, REGISTER, heartbeats, CHALLENGE, DELETE). Time comes
 * in as epoch milliseconds; everything to send or close goes out through {@link Output}; shards
 * are read and written through the {@link ShardStore}, which is the only I/O the core causes.
 *
 * <p>Orders are checked against the pinned coordinator key, this node's id, their expiry and
 * operation. A malformed frame gets ERROR MALFORMED and closes that connection only; a client
 * that disconnects or breaks the protocol mid-STORE leaves nothing of that shard behind. Not
 * thread-safe: one thread (the adapter's) calls everything.
 */
public final class NodeCore {

    /** What the adapter must do. Calls come on the thread that called the core. */
    public interface Output {

        /** Sends one frame on a connection (silently dropped if it is closed). */
        void send(long connection, byte[] message);

        /** Closes a connection after what was sent on it; the adapter reports it back with {@link #disconnected}. */
        void close(long connection, String why);

        /**
         * Records the coordinator's key durably, at the first registration only, before
         * {@link #registered} is called. Throwing abandons the registration.
         */
        default void pin(byte[] coordinatorKey) throws IOException {
        }

        /** The coordinator accepted this node; heartbeats follow every {@code heartbeatMillis} (on {@link #tick}). */
        default void registered(String nodeId, long heartbeatMillis) {
        }

        /**
         * The coordinator link ended for a reason retrying will not fix by itself: a different
         * coordinator key than the pinned one, another signature scheme or protocol version, or a
         * refused registration. The link is closed.
         */
        default void refused(String why) {
        }

        /** A line worth logging (a shard stored or deleted, a request refused, an audit failing). */
        default void log(String line) {
        }
    }

    /** A STORE with no data for this long is abandoned and its connection closed. */
    public static final long STORE_IDLE_MILLIS = 120_000;

    final Output output;
    final ShardStore store;
    final SignatureScheme signature;
    final SigningKeyPair nodeKey;
    final Function<String, Optional<AuditScheme>> audits;
    /** Shards being written by some connection, so that two cannot write the same one. */
    final Set<String> inProgress = new HashSet<>();
    private final Map<Long, ClientSession> clients = new HashMap<>();
    byte[] coordinatorKey;
    String nodeId;
    private CoordinatorLink link;

    /**
     * @param nodeKey               this node's signing key pair, of {@code signature}'s scheme
     * @param pinnedCoordinatorKey  the coordinator key recorded at an earlier registration, or
     *                              {@code null} for a node that has never registered
     * @param audits                finds an installed audit scheme by name
     */
    public NodeCore(Output output, ShardStore store, SignatureScheme signature, SigningKeyPair nodeKey, byte[] pinnedCoordinatorKey,
            Function<String, Optional<AuditScheme>> audits) {
        this.output = output;
        this.store = store;
        this.signature = signature;
        this.nodeKey = nodeKey;
        this.audits = audits;
        this.coordinatorKey = pinnedCoordinatorKey == null ? null : pinnedCoordinatorKey.clone();
        this.nodeId = nodeId(nodeKey.publicKey());
    }

    /** @return the id a coordinator gives the node with this key: lower-case hex of the first 16 bytes of its SHA-256 */
    public static String nodeId(byte[] publicKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** @return this node's id (as the coordinator confirmed it, once registered) */
    public String nodeId() {
        return nodeId;
    }

    /** @return the pinned coordinator key, empty before the first registration */
    public Optional<byte[]> coordinatorKey() {
        return Optional.ofNullable(coordinatorKey).map(byte[]::clone);
    }

    /** @return whether the current coordinator link has completed registration */
    public boolean registered() {
        return link != null && link.isRegistered();
    }

    /** @return open client connections */
    public int clientCount() {
        return clients.size();
    }

    /** A client connected to this node. */
    public void clientConnected(long connection, long nowMillis) {
        clients.put(connection, new ClientSession(this, connection, nowMillis));
    }

    /**
     * The link to the coordinator is open (replacing any earlier one); the coordinator speaks
     * first with HELLO.
     *
     * @param advertisedAddress {@code host:port} where clients reach this node, sent in REGISTER
     */
    public void coordinatorConnected(long connection, String advertisedAddress, long nowMillis) {
        link = new CoordinatorLink(this, connection, advertisedAddress);
    }

    /** A frame arrived on a connection. */
    public void received(long connection, byte[] frame, long nowMillis) {
        boolean fromCoordinator = link != null && link.connection == connection;
        ClientSession client = clients.get(connection);
        if (!fromCoordinator && client == null) {
            return; // already dropped; frames still in flight are ignored
        }
        StorageMessage m;
        try {
            m = StorageCodec.decode(frame);
        } catch (ProtocolException e) {
            drop(connection, ErrorCode.MALFORMED, e.getMessage());
            return;
        }
        if (fromCoordinator) {
            link.handle(m, typeName(frame), nowMillis);
        } else {
            client.handle(m, typeName(frame), nowMillis);
        }
    }

    /** A connection ended (by either side); a shard it was storing is abandoned. */
    public void disconnected(long connection) {
        ClientSession c = clients.remove(connection);
        if (c != null) {
            c.abandon();
        }
        if (link != null && link.connection == connection) {
            link = null;
        }
    }

    /** Sends heartbeats that are due and abandons idle uploads. Call at least every second. */
    public void tick(long nowMillis) {
        if (link != null) {
            link.tick(nowMillis);
        }
        for (ClientSession c : clients.values().toArray(ClientSession[]::new)) {
            c.tick(nowMillis);
        }
    }

    void send(long connection, StorageMessage message) {
        output.send(connection, StorageCodec.encode(message));
    }

    void error(long connection, ErrorCode code, String message) {
        send(connection, new StorageMessage.Error(code, message));
    }

    /** Answers with an error and closes the connection, forgetting its state at once. */
    void drop(long connection, ErrorCode code, String why) {
        output.log("connection " + connection + " closed: " + code + ": " + why);
        error(connection, code, why);
        output.close(connection, why);
        disconnected(connection);
    }

    private static String typeName(byte[] frame) {
        int code = frame[0] & 0xff;
        for (StorageMessage.Type t : StorageMessage.Type.values()) {
            if (t.code() == code) {
                return t.name();
            }
        }
        return "message type " + code;
    }
}
