package org.peerlab.crypto.jdk.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;

/** An AEAD from a JDK {@link Cipher} transformation with a 256-bit key, 96-bit nonce and 128-bit tag. */
abstract class JdkAead implements Aead {

    private final String transformation;
    private final String keyAlgorithm;

    JdkAead(String transformation, String keyAlgorithm) {
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** @return the algorithm parameters carrying {@code nonce} */
    abstract AlgorithmParameterSpec spec(byte[] nonce);

    @Override
    public int keyLength() {
        return 32;
    }

    @Override
    public int nonceLength() {
        return 12;
    }

    @Override
    public int tagLength() {
        return 16;
    }

    @Override
    public AeadCipher newCipher(Secret key) {
        String name = descriptor().name();
        if (key.length() != keyLength()) {
            throw new IllegalArgumentException(name + " needs a 32-byte key, got " + key.length() + " bytes");
        }
        byte[] raw = key.bytes();
        try {
            return new KeyedCipher(new SecretKeySpec(raw, keyAlgorithm), name);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** One keyed instance; reuses its {@link Cipher}. */
    private final class KeyedCipher implements AeadCipher {

        private final SecretKeySpec key;
        private final String name;
        private final Cipher cipher;
        private boolean closed;

        KeyedCipher(SecretKeySpec key, String name) {
            this.key = key;
            this.name = name;
            try {
                this.cipher = Cipher.getInstance(transformation);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK has no " + transformation, e);
            }
        }

        @Override
        public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext) {
            init(Cipher.ENCRYPT_MODE, nonce);
            try {
                cipher.updateAAD(associatedData);
                return cipher.doFinal(plaintext);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " encryption failed", e);
            }
        }

        @Override
        public int seal(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length, byte[] out, int outOffset) {
            init(Cipher.ENCRYPT_MODE, nonce);
            try {
                cipher.updateAAD(associatedData);
                return cipher.doFinal(in, offset, length, out, outOffset);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " encryption failed", e);
            }
        }

        @Override
        public byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext) throws AeadException {
            return open(nonce, associatedData, ciphertext, 0, ciphertext.length);
        }

        @Override
        public byte[] open(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length) throws AeadException {
            if (length < tagLength()) {
                throw new AeadException("ciphertext of " + length + " bytes is shorter than the 16-byte tag", null);
            }
            init(Cipher.DECRYPT_MODE, nonce);
            try {
                cipher.updateAAD(associatedData);
                return cipher.doFinal(in, offset, length);
            } catch (AEADBadTagException e) {
                throw new AeadException("authentication failed: ciphertext, nonce or associated data altered, or wrong key", e);
            } catch (GeneralSecurityException e) {
                throw new AeadException(name + " decryption failed", e);
            }
        }

        private void init(int mode, byte[] nonce) {
            if (closed) {
                throw new IllegalStateException("cipher is closed");
            }
            if (nonce.length != nonceLength()) {
                throw new IllegalArgumentException(name + " needs a 12-byte nonce, got " + nonce.length + " bytes");
            }
            try {
                cipher.init(mode, key, spec(nonce));
            } catch (InvalidAlgorithmParameterException e) {
                // The JDK refuses to encrypt twice in a row under the same key and nonce.
                throw new IllegalArgumentException("nonce rejected: " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " initialisation failed", e);
            }
        }

        @Override
        public void close() {
            closed = true; // SecretKeySpec cannot wipe itself; its copy becomes unreachable with us
        }
    }
}
