package org.peerlab.crypto.bc.internal;

import java.util.Arrays;
import java.util.function.Supplier;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;

/** An AEAD on a Bouncy Castle lightweight {@link AEADBlockCipher}: 256-bit key, 96-bit nonce, 128-bit tag. */
abstract class BcAead implements Aead {

    private final Supplier<AEADBlockCipher> mode;

    BcAead(Supplier<AEADBlockCipher> mode) {
        this.mode = mode;
    }

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
        return new KeyedCipher(key.bytes(), name);
    }

    /** One keyed instance; reuses its cipher object. */
    private final class KeyedCipher implements AeadCipher {

        private final byte[] key;
        private final String name;
        private final AEADBlockCipher cipher = mode.get();
        private boolean closed;

        KeyedCipher(byte[] key, String name) {
            this.key = key;
            this.name = name;
        }

        @Override
        public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext) {
            init(true, nonce, associatedData);
            byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
            int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
            try {
                n += cipher.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException(name + " encryption failed", e);
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        @Override
        public byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext) throws AeadException {
            if (ciphertext.length < tagLength()) {
                throw new AeadException("ciphertext of " + ciphertext.length + " bytes is shorter than the 16-byte tag", null);
            }
            init(false, nonce, associatedData);
            byte[] out = new byte[cipher.getOutputSize(ciphertext.length)];
            try {
                int n = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
                n += cipher.doFinal(out, n);
                return n == out.length ? out : Arrays.copyOf(out, n);
            } catch (InvalidCipherTextException e) {
                Arrays.fill(out, (byte) 0);
                throw new AeadException("authentication failed: ciphertext, nonce or associated data altered, or wrong key", e);
            }
        }

        private void init(boolean encrypt, byte[] nonce, byte[] associatedData) {
            if (closed) {
                throw new IllegalStateException("cipher is closed");
            }
            if (nonce.length != nonceLength()) {
                throw new IllegalArgumentException(name + " needs a 12-byte nonce, got " + nonce.length + " bytes");
            }
            // Bouncy Castle's GCM refuses to encrypt twice in a row with one nonce (IllegalArgumentException).
            cipher.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, associatedData));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
