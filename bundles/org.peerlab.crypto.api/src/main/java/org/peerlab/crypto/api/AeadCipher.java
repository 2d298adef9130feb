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

    /**
     * Seals {@code length} bytes of {@code in} from {@code offset} into {@code out} at
     * {@code outOffset} (ciphertext then tag), without intermediate arrays where the
     * implementation allows.
     *
     * @return bytes written: {@code length} plus the tag length
     */
    default int seal(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length, byte[] out, int outOffset) {
        byte[] sealed = seal(nonce, associatedData, java.util.Arrays.copyOfRange(in, offset, offset + length));
        System.arraycopy(sealed, 0, out, outOffset, sealed.length);
        return sealed.length;
    }

    /**
     * Opens {@code length} bytes of {@code in} from {@code offset}.
     *
     * @throws AeadException as {@link #open(byte[], byte[], byte[])}
     */
    default byte[] open(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length) throws AeadException {
        return open(nonce, associatedData, java.util.Arrays.copyOfRange(in, offset, offset + length));
    }

    /** Wipes the key. Idempotent. */
    @Override
    void close();
}
