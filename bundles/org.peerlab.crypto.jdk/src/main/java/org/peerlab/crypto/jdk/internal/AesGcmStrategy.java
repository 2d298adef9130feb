package org.peerlab.crypto.jdk.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;

/** AES-256-GCM from the JDK's SunJCE provider: 32-byte key, 12-byte nonce, 16-byte tag. */
@Component(service = { Aead.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Aead.FAMILY, Strategy.NAME_PROPERTY + "=aes-256-gcm" })
public class AesGcmStrategy implements Aead {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "aes-256-gcm",
            "AES-256 in Galois/Counter Mode, JDK provider: 96-bit nonce, 128-bit tag");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
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
        if (key.length() != keyLength()) {
            throw new IllegalArgumentException("aes-256-gcm needs a 32-byte key, got " + key.length() + " bytes");
        }
        byte[] raw = key.bytes();
        try {
            return new JdkGcmCipher(new SecretKeySpec(raw, "AES"));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** One keyed AES-GCM instance. */
    private final class JdkGcmCipher implements AeadCipher {

        private final SecretKeySpec key;
        private final Cipher cipher;
        private boolean closed;

        JdkGcmCipher(SecretKeySpec key) {
            this.key = key;
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
            }
        }

        @Override
        public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext) {
            init(Cipher.ENCRYPT_MODE, nonce);
            try {
                cipher.updateAAD(associatedData);
                return cipher.doFinal(plaintext);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        }

        @Override
        public byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext) throws AeadException {
            if (ciphertext.length < tagLength()) {
                throw new AeadException("ciphertext of " + ciphertext.length + " bytes is shorter than the 16-byte tag", null);
            }
            init(Cipher.DECRYPT_MODE, nonce);
            try {
                cipher.updateAAD(associatedData);
                return cipher.doFinal(ciphertext);
            } catch (AEADBadTagException e) {
                throw new AeadException("authentication failed: ciphertext, nonce or associated data altered, or wrong key", e);
            } catch (GeneralSecurityException e) {
                throw new AeadException("AES-GCM decryption failed", e);
            }
        }

        private void init(int mode, byte[] nonce) {
            if (closed) {
                throw new IllegalStateException("cipher is closed");
            }
            if (nonce.length != nonceLength()) {
                throw new IllegalArgumentException("aes-256-gcm needs a 12-byte nonce, got " + nonce.length + " bytes");
            }
            try {
                cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            } catch (InvalidAlgorithmParameterException e) {
                // The JDK refuses to encrypt twice in a row under the same key and nonce.
                throw new IllegalArgumentException("nonce rejected: " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM initialisation failed", e);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    key.destroy();
                } catch (javax.security.auth.DestroyFailedException e) {
                    // SecretKeySpec cannot wipe itself on this JDK; its copy becomes unreachable with us.
                }
            }
        }
    }
}
