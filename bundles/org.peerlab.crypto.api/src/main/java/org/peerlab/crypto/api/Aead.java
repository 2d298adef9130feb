package org.peerlab.crypto.api;

import org.peerlab.core.strategy.Strategy;

/** An authenticated cipher with associated data (family {@value #FAMILY}). */
public interface Aead extends Strategy {

    String FAMILY = "aead";

    /** @return key length in bytes */
    int keyLength();

    /** @return nonce length in bytes */
    int nonceLength();

    /** @return authentication tag length in bytes, added to every ciphertext */
    int tagLength();

    /**
     * @param key exactly {@link #keyLength()} bytes; the cipher keeps its own copy
     * @throws IllegalArgumentException if the key length is wrong
     */
    AeadCipher newCipher(Secret key);
}
