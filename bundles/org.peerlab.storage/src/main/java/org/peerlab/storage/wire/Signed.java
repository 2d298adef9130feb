package org.peerlab.storage.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The byte strings that are signed in the storage protocol, each with its own label. */
public final class Signed {

    private Signed() {
    }

    /** What a node signs to register: the coordinator's nonce (so a proof cannot be replayed) and its claims. */
    public static byte[] register(byte[] nonce, byte[] nodeKey, String address, long capacity) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b)) {
            d.writeUTF("peerlab-storage-register-v1");
            d.writeInt(nonce.length);
            d.write(nonce);
            d.writeInt(nodeKey.length);
            d.write(nodeKey);
            d.writeUTF(address);
            d.writeLong(capacity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
