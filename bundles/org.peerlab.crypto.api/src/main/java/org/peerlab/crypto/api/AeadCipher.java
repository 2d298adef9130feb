package org.peerlab.crypto.api;

/**
 * An AEAD keyed once. The caller supplies unique nonces (PeerLab's protocols use counters).
 * Not thread-safe: use one per thread or direction.
 */
public interface AeadCipher extends AutoCloseable {

    /**
     * @return ciphertext followed by the tag
     * @throws IllegalArgumentException if the nonce length is wrong or the plaintext exceeds the algorithm's limit
     */
    byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext);

    /**
     * @return the plaintext
     * @throws AeadException if the ciphertext, tag, nonce or associated data do not authenticate
     */
    byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext) throws AeadException;

    /** Wipes the key. Idempotent. */
    @Override
    void close();
}
