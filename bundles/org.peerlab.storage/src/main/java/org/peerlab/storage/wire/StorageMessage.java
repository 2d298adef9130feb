package org.peerlab.storage.wire;

import java.util.List;

/**
 * Every message of the storage protocol. One message travels in one transport frame; the first
 * byte is its {@link Type}. Limits are enforced by {@link StorageCodec#decode}: a message that
 * breaks one is rejected with a {@link org.peerlab.protocol.ProtocolException} naming the field.
 */
public sealed interface StorageMessage {

    /** Message types and their wire codes. */
    enum Type {
        HELLO(1), REGISTER(2), REGISTERED(3), HEARTBEAT(4), CHALLENGE(5), PROOF(6), DELETE(7),
        PUT_BEGIN(10), PUT_PLAN(11), PUT_COMMIT(12), PUT_ACK(13), PUT_ABORT(14), LOCATE(15), LOCATION(16), PEERS(17), PEER_LIST(18),
        REPLACE(19), REPLACED(26),
        STORE(20), STORE_DATA(21), STORE_END(22), STORED(23), READ(24), DATA(25),
        ERROR(30);

        final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** Coordinator to anyone, first message on a connection: its signing key and a fresh nonce. */
    record Hello(int version, String signature, byte[] coordinatorKey, byte[] nonce) implements StorageMessage {
    }

    /**
     * Node to coordinator: who it is, where to reach it, how much it holds. {@code proof} signs
     * {@link Signed#register} with the node's key.
     */
    record Register(byte[] nodeKey, String address, long capacity, long free, byte[] proof) implements StorageMessage {
    }

    /** Coordinator to node: accepted under {@code nodeId}; heartbeat every {@code heartbeatMillis}. */
    record Registered(String nodeId, long heartbeatMillis) implements StorageMessage {
    }

    /** Node to coordinator, periodically. */
    record Heartbeat(long free, long shards) implements StorageMessage {
    }

    /** Coordinator to node: an audit of one shard under an audit scheme with its parameters. */
    record Challenge(long auditId, String shard, String scheme, String parameters, byte[] challenge) implements StorageMessage {
    }

    /** Node to coordinator: the answer to audit {@code auditId}. */
    record Proof(long auditId, byte[] response) implements StorageMessage {
    }

    /** Coordinator to node: drop a shard (the file was repaired away from it or removed). */
    record Delete(String shard) implements StorageMessage {
    }

    /** Client to coordinator: plan an upload of {@code size} bytes cut into n shards of {@code shardLength}. */
    record PutBegin(String name, long size, long shardLength, int k, int n) implements StorageMessage {
    }

    /**
     * Coordinator to client: the new file's id, the audit scheme (and its parameters) the client
     * must build each shard's verifier record for, and where each shard goes with a signed store
     * order each.
     */
    record PutPlan(String fileId, String audit, String auditParameters, List<Placement> placements) implements StorageMessage {
    }

    /** Client to coordinator: every shard is stored; here is the file's record. */
    record PutCommit(FileRecord record) implements StorageMessage {
    }

    /** Coordinator to client: the record is durable; the file exists from now on. */
    record PutAck(String fileId) implements StorageMessage {
    }

    /** Client to coordinator: the upload is abandoned. */
    record PutAbort(String fileId, String reason) implements StorageMessage {
    }

    /** Client to coordinator: where is this file? */
    record Locate(String fileId) implements StorageMessage {
    }

    /** Coordinator to client: the file's record and, per shard, its node, health and a signed read order. */
    record Location(FileRecord record, List<Placement> placements, List<Boolean> healthy) implements StorageMessage {
    }

    /** Client to coordinator: list the nodes. */
    record Peers() implements StorageMessage {
    }

    /** Coordinator to client: every known node. */
    record PeerList(List<PeerInfo> peers) implements StorageMessage {
    }

    /**
     * Repairer to coordinator: shard {@code index} of a file was rebuilt onto the node of
     * {@code placement} (asked for with an empty audit record and sha256 to get a placement;
     * sent again with them filled to commit).
     */
    record Replace(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord) implements StorageMessage {
    }

    /** Coordinator to repairer: the placement for a rebuilt shard, or the commit's acknowledgement. */
    record Replaced(String fileId, Placement placement) implements StorageMessage {
    }

    /** Client to node: a shard of {@code length} bytes follows in STORE_DATA frames, then STORE_END. */
    record Store(Order order) implements StorageMessage {
    }

    /** Client to node: the next bytes of the shard being stored. */
    record StoreData(byte[] data) implements StorageMessage {
    }

    /** Client to node: the shard is complete; its SHA-256 must be this. */
    record StoreEnd(byte[] sha256) implements StorageMessage {
    }

    /** Node to client: the shard is on disk under its name (written, synced, renamed). */
    record Stored(String shard) implements StorageMessage {
    }

    /** Client to node: send {@code length} bytes of a shard from {@code offset}. */
    record Read(Order order, long offset, int length) implements StorageMessage {
    }

    /** Node to client: the bytes asked for. */
    record Data(byte[] data) implements StorageMessage {
    }

    /** Anyone: a request failed. {@code code} says how (see {@link ErrorCode}); the text says what. */
    record Error(ErrorCode code, String message) implements StorageMessage {
    }
}
