package org.peerlab.protocol.handshake;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.Secret;

/**
 * The outcome of a handshake. Closing wipes the keys.
 *
 * @param keyExchange    the key exchange (or PAKE) that ran
 * @param aead           the negotiated AEAD
 * @param kdf            the negotiated KDF
 * @param sendKey        key for messages this side sends
 * @param receiveKey     key for messages the peer sends
 * @param transcriptHash SHA-256 of the handshake messages, binding everything negotiated
 * @param sas            short authentication string both users can compare, e.g. {@code 482 915}
 * @param authenticated  whether a pairing code authenticated the peer
 */
public record SessionKeys(String keyExchange, Aead aead, String kdf, Secret sendKey, Secret receiveKey, byte[] transcriptHash, String sas,
        boolean authenticated) implements AutoCloseable {

    @Override
    public void close() {
        sendKey.destroy();
        receiveKey.destroy();
    }

    @Override
    public String toString() {
        return "SessionKeys[" + keyExchange + ", " + aead.descriptor().name() + ", " + kdf + ", authenticated=" + authenticated + "]";
    }
}
