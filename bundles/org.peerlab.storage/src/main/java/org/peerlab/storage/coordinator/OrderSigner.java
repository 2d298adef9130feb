package org.peerlab.storage.coordinator;

import java.util.Objects;

import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.storage.wire.Order;

/** Signs the coordinator's orders with its key. Thread-safe if the scheme is. */
public final class OrderSigner {

    private final SignatureScheme scheme;
    private final SigningKeyPair key;

    public OrderSigner(SignatureScheme scheme, SigningKeyPair key) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** @return an order for {@code op} on {@code shard} at {@code nodeId}, valid until {@code expiresAtMillis}, signed */
    public Order sign(Order.Op op, String shard, String nodeId, long length, long expiresAtMillis) {
        Order unsigned = new Order(op, shard, nodeId, length, expiresAtMillis, new byte[0]);
        return unsigned.signed(scheme.sign(key.privateKey(), unsigned.signedBytes()));
    }

    /** @return the signature scheme's name, as HELLO announces it */
    public String schemeName() {
        return scheme.descriptor().name();
    }

    /** @return the coordinator's public key */
    public byte[] publicKey() {
        return key.publicKey();
    }

    /** @return the scheme, to verify node signatures with */
    public SignatureScheme scheme() {
        return scheme;
    }
}
