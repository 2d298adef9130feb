package org.peerlab.storage.node;

import java.time.Instant;
import java.util.Optional;

import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.StorageMessage;

/** Checks a STORE or READ order the way a node must before acting on it. Stateless. */
final class OrderCheck {

    private OrderCheck() {
    }

    /**
     * @param coordinatorKey the pinned coordinator key, or {@code null} before the first registration
     * @return the error to answer with, or empty when the order permits {@code op} on this node now
     */
    static Optional<StorageMessage.Error> problem(Order order, Order.Op op, String nodeId, byte[] coordinatorKey,
            SignatureScheme signature, long nowMillis) {
        String shard = order.shard();
        if (coordinatorKey == null) {
            return error(ErrorCode.WRONG_KEY, "this node has not registered with a coordinator yet, so it cannot check the order for "
                    + shard);
        }
        if (order.op() != op) {
            return error(ErrorCode.WRONG_KEY, "the order for " + shard + " permits " + order.op() + ", not " + op);
        }
        if (!ShardNames.valid(shard)) {
            return error(ErrorCode.MALFORMED, "the order names '" + shard + "', which is not a shard name");
        }
        if (!order.nodeId().equals(nodeId)) {
            return error(ErrorCode.WRONG_KEY, "the order for " + shard + " is for node " + order.nodeId() + ", this is node " + nodeId);
        }
        if (nowMillis > order.expiresAtMillis()) {
            return error(ErrorCode.WRONG_KEY, "the order for " + shard + " expired at " + Instant.ofEpochMilli(order.expiresAtMillis())
                    + " (now " + Instant.ofEpochMilli(nowMillis) + ")");
        }
        if (!signature.verify(coordinatorKey, order.signedBytes(), order.signature())) {
            return error(ErrorCode.WRONG_KEY, "the order for " + shard + " is not signed by this node's coordinator");
        }
        return Optional.empty();
    }

    private static Optional<StorageMessage.Error> error(ErrorCode code, String message) {
        return Optional.of(new StorageMessage.Error(code, message));
    }
}
