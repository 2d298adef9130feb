package org.peerlab.crypto.api;

import java.util.Objects;

/**
 * A public key and its private key. Closing wipes the private key.
 *
 * @param publicKey  the scheme's public key encoding
 * @param privateKey the private key
 */
public record SigningKeyPair(byte[] publicKey, Secret privateKey) implements AutoCloseable {

    public SigningKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public void close() {
        privateKey.destroy();
    }

    @Override
    public String toString() {
        return "SigningKeyPair[public " + publicKey.length + " bytes, private " + privateKey + "]";
    }
}
