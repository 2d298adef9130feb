package org.peerlab.crypto.api;

import org.peerlab.core.strategy.Strategy;

/**
 * A signature strategy for peer identities (family {@value #FAMILY}). Keys travel in raw form:
 * the scheme's public key encoding ({@link #publicKeyLength()} bytes) and a private key held
 * as a {@link Secret}.
 */
public interface SignatureScheme extends Strategy {

    String FAMILY = "signature";

    /** @return a fresh key pair from the platform's strong random source */
    SigningKeyPair generateKeyPair();

    /**
     * A key pair drawn from the caller's random source: a simulation passes a seeded one so that
     * node identities, and everything ordered by them, repeat from run to run. Never use a
     * predictable source for real keys.
     *
     * @throws UnsupportedOperationException if the scheme cannot take its randomness from the caller
     */
    default SigningKeyPair generateKeyPair(java.security.SecureRandom random) {
        throw new UnsupportedOperationException("signature scheme " + descriptor().name() + " draws keys only from its own random source");
    }

    /** @return length in bytes of an encoded public key */
    int publicKeyLength();

    /**
     * @param privateKey a private key of this scheme, as {@link SigningKeyPair#privateKey()} holds it
     * @throws IllegalArgumentException if the key is malformed
     */
    byte[] sign(Secret privateKey, byte[] message);

    /**
     * @return {@code true} only if {@code signature} is a valid signature of {@code message} under
     *         {@code publicKey}; malformed keys and signatures give {@code false}
     */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
