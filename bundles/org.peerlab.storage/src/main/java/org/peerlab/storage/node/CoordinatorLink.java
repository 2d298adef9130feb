package org.peerlab.storage.node;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.Signed;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Challenge;
import org.peerlab.storage.wire.StorageMessage.Delete;
import org.peerlab.storage.wire.StorageMessage.Hello;
import org.peerlab.storage.wire.StorageMessage.Registered;

/**
 * The node's side of one connection to the coordinator: HELLO → REGISTER → REGISTERED, then
 * heartbeats, audits (CHALLENGE → PROOF) and deletions until the connection ends.
 */
final class CoordinatorLink {

    private enum Phase {
        AWAITING_HELLO, REGISTERING, REGISTERED
    }

    final long connection;
    private final NodeCore core;
    private final String address;
    private Phase phase = Phase.AWAITING_HELLO;
    private byte[] offeredKey;
    private long heartbeatMillis;
    private long nextHeartbeat;

    CoordinatorLink(NodeCore core, long connection, String address) {
        this.core = core;
        this.connection = connection;
        this.address = address;
    }

    boolean isRegistered() {
        return phase == Phase.REGISTERED;
    }

    void handle(StorageMessage m, String type, long now) {
        switch (m) {
            case Hello h when phase == Phase.AWAITING_HELLO -> hello(h);
            case Registered r when phase == Phase.REGISTERING -> registered(r, now);
            case Challenge c when phase == Phase.REGISTERED -> challenge(c);
            case Delete d when phase == Phase.REGISTERED -> delete(d.shard());
            case StorageMessage.Error e when phase == Phase.REGISTERING -> refuse("the coordinator refused the registration: " + e.code()
                    + ": " + e.message());
            case StorageMessage.Error e -> core.output.log("the coordinator reports " + e.code() + ": " + e.message());
            default -> core.drop(connection, ErrorCode.UNEXPECTED, "the node did not expect " + type + " from the coordinator now ("
                    + phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
    }

    void tick(long now) {
        if (phase == Phase.REGISTERED && now >= nextHeartbeat) {
            core.send(connection, new StorageMessage.Heartbeat(core.store.free(), core.store.count()));
            nextHeartbeat = now + heartbeatMillis;
        }
    }

    private void hello(Hello h) {
        String scheme = core.signature.descriptor().name();
        if (h.version() != StorageCodec.VERSION) {
            refuse("the coordinator speaks storage protocol version " + h.version() + ", this node version " + StorageCodec.VERSION);
        } else if (!h.signature().equals(scheme)) {
            refuse("the coordinator signs with " + h.signature() + ", this node with " + scheme);
        } else if (core.coordinatorKey != null && !Arrays.equals(core.coordinatorKey, h.coordinatorKey())) {
            refuse("coordinator key mismatch: the coordinator presents key " + hex(h.coordinatorKey()) + " but this node is pinned to "
                    + hex(core.coordinatorKey) + " (a different coordinator, or its key was replaced)");
        } else {
            offeredKey = h.coordinatorKey();
            byte[] key = core.nodeKey.publicKey();
            long capacity = core.store.quota();
            byte[] proof = core.signature.sign(core.nodeKey.privateKey(), Signed.register(h.nonce(), key, address, capacity));
            core.send(connection, new StorageMessage.Register(key, address, capacity, core.store.free(), proof));
            phase = Phase.REGISTERING;
        }
    }

    private void registered(Registered r, long now) {
        if (core.coordinatorKey == null) {
            try {
                core.output.pin(offeredKey);
            } catch (IOException e) {
                refuse("cannot record the coordinator's key: " + e.getMessage());
                return;
            }
            core.coordinatorKey = offeredKey;
        }
        if (!r.nodeId().equals(core.nodeId)) {
            core.output.log("the coordinator calls this node " + r.nodeId() + " (expected " + core.nodeId + ")");
            core.nodeId = r.nodeId();
        }
        heartbeatMillis = Math.max(100, r.heartbeatMillis());
        nextHeartbeat = now + heartbeatMillis;
        phase = Phase.REGISTERED;
        core.output.registered(core.nodeId, heartbeatMillis);
    }

    private void challenge(Challenge c) {
        String shard = c.shard();
        Optional<AuditScheme> scheme = core.audits.apply(c.scheme());
        if (scheme.isEmpty()) {
            answerError(ErrorCode.INTERNAL, "shard " + shard + ": audit scheme '" + c.scheme() + "' is not installed on this node");
            return;
        }
        try {
            Parameters parameters = scheme.get().descriptor().bind(AuditParameters.parse(c.parameters()));
            Optional<ShardStore.Reader> opened = ShardNames.valid(shard) ? core.store.open(shard) : Optional.empty();
            if (opened.isEmpty()) {
                answerError(ErrorCode.NOT_FOUND, "shard " + shard + " not found on this node");
                return;
            }
            byte[] response;
            try (ShardStore.Reader reader = opened.get()) {
                response = scheme.get().respond(parameters, c.challenge(), reader);
            }
            if (response.length > StorageCodec.MAX_RESPONSE) {
                answerError(ErrorCode.INTERNAL, "shard " + shard + ": the audit response of " + response.length + " bytes exceeds "
                        + StorageCodec.MAX_RESPONSE);
                return;
            }
            core.send(connection, new StorageMessage.Proof(c.auditId(), response));
        } catch (IllegalArgumentException e) {
            answerError(ErrorCode.MALFORMED, "shard " + shard + ": challenge rejected: " + e.getMessage());
        } catch (CorruptShardException e) {
            answerError(ErrorCode.CORRUPT, "shard " + shard + " is damaged: " + e.getMessage());
        } catch (IOException e) {
            answerError(ErrorCode.INTERNAL, "shard " + shard + ": cannot read it: " + e.getMessage());
        }
    }

    private void delete(String shard) {
        if (!ShardNames.valid(shard)) {
            core.output.log("the coordinator asked to delete '" + shard + "', which is not a shard name: ignored");
            return;
        }
        try {
            core.output.log(core.store.delete(shard) ? "deleted " + shard : "asked to delete " + shard + ", which this node does not hold");
        } catch (IOException e) {
            core.output.log("cannot delete " + shard + ": " + e.getMessage());
        }
    }

    private void answerError(ErrorCode code, String message) {
        core.output.log("audit: " + code + ": " + message);
        core.error(connection, code, message);
    }

    private void refuse(String why) {
        core.output.refused(why);
        core.output.close(connection, why);
        core.disconnected(connection);
    }

    private static String hex(byte[] key) {
        String h = HexFormat.of().formatHex(key);
        return h.length() > 16 ? h.substring(0, 16) + "..." : h;
    }
}
