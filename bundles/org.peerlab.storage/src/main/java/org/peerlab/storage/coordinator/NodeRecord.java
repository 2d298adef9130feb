package org.peerlab.storage.coordinator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A storage node as the coordinator's ledger keeps it. Immutable (arrays are copied in and out).
 *
 * @param id           lower-case hex of the first 16 bytes of SHA-256 of the public key
 * @param publicKey    the node's signature public key
 * @param address      where clients reach it, {@code host:port}
 * @param capacity     bytes it offers in total, as it registered
 * @param reputation   its reputation state ({@code ReputationScore.state()})
 * @param disqualified whether it is disqualified (final)
 */
public record NodeRecord(String id, byte[] publicKey, String address, long capacity, double[] reputation, boolean disqualified) {

    private static final int FORMAT = 1;

    public NodeRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        publicKey = publicKey.clone();
        reputation = reputation.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public double[] reputation() {
        return reputation.clone();
    }

    /** @return this record with a new address and capacity (a re-registration) */
    public NodeRecord withAddress(String newAddress, long newCapacity) {
        return new NodeRecord(id, publicKey, newAddress, newCapacity, reputation, disqualified);
    }

    /** @return this record with a new reputation state and disqualification */
    public NodeRecord withReputation(double[] state, boolean dq) {
        return new NodeRecord(id, publicKey, address, capacity, state, disqualified || dq);
    }

    /** @return the binary form the ledgers store */
    public byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b)) {
            d.writeByte(FORMAT);
            d.writeUTF(id);
            d.writeShort(publicKey.length);
            d.write(publicKey);
            d.writeUTF(address);
            d.writeLong(capacity);
            d.writeShort(reputation.length);
            for (double v : reputation) {
                d.writeDouble(v);
            }
            d.writeBoolean(disqualified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a node record of this format */
    public static NodeRecord fromBytes(byte[] bytes) {
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = d.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("node record format " + format + " is not supported");
            }
            String id = d.readUTF();
            byte[] key = d.readNBytes(d.readUnsignedShort());
            String address = d.readUTF();
            long capacity = d.readLong();
            double[] reputation = new double[d.readUnsignedShort()];
            for (int i = 0; i < reputation.length; i++) {
                reputation[i] = d.readDouble();
            }
            boolean dq = d.readBoolean();
            if (d.available() != 0) {
                throw new IllegalArgumentException("node record " + id + " has " + d.available() + " trailing bytes");
            }
            return new NodeRecord(id, key, address, capacity, reputation, dq);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable node record of " + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }
}
