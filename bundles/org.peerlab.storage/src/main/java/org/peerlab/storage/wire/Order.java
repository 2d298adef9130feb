package org.peerlab.storage.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The coordinator's permission to store or read one shard on one node, until an expiry. Nodes
 * accept a STORE or READ only with an order signed by the coordinator they registered with, for
 * their own id, not expired, and (for STORE) not longer than {@code length}.
 *
 * @param op             what it permits
 * @param shard          the shard's name, {@code <file id>.<index>}
 * @param nodeId         the node it is for
 * @param length         the shard's length in bytes
 * @param expiresAtMillis epoch milliseconds after which the node refuses it
 * @param signature      the coordinator's signature over {@link #signedBytes()}
 */
public record Order(Op op, String shard, String nodeId, long length, long expiresAtMillis, byte[] signature) {

    /** What an order permits. */
    public enum Op {
        STORE, READ
    }

    /** @return the bytes the coordinator signs: a label and every field but the signature */
    public byte[] signedBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b)) {
            d.writeUTF("peerlab-storage-order-v1");
            d.writeUTF(op.name());
            d.writeUTF(shard);
            d.writeUTF(nodeId);
            d.writeLong(length);
            d.writeLong(expiresAtMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** @return this order with {@code signature} */
    public Order signed(byte[] signature) {
        return new Order(op, shard, nodeId, length, expiresAtMillis, signature);
    }

    /** @return the shard name for shard {@code index} of {@code fileId} */
    public static String shardName(String fileId, int index) {
        return fileId + "." + index;
    }
}
