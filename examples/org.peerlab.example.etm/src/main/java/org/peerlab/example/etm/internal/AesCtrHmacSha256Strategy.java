package org.peerlab.example.etm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.Secret;

/**
 * Encrypt-then-MAC AEAD from AES-256-CTR and HMAC-SHA256, both from the JDK: a 32-byte key, a
 * 12-byte nonce and a 16-byte tag (HMAC-SHA256 truncated).
 *
 * <p>The AEAD key is never used directly: HKDF-SHA256 (empty salt, info {@value #KEY_INFO})
 * expands it to 64 bytes, the first 32 the AES key and the last 32 the HMAC key. See
 * {@link EncryptThenMacCipher} for the counter block and what the tag covers.
 */
@Component(service = { Aead.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Aead.FAMILY, Strategy.NAME_PROPERTY + "=" + AesCtrHmacSha256Strategy.NAME })
public class AesCtrHmacSha256Strategy implements Aead {

    /** The strategy name. */
    public static final String NAME = "aes-256-ctr-hmac-sha256";

    /** HKDF info that derives the two keys. */
    static final String KEY_INFO = "peerlab aes-256-ctr-hmac-sha256 keys";

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, NAME,
            "Encrypt-then-MAC: AES-256-CTR and HMAC-SHA256 (128-bit tag), keys split by HKDF-SHA256, JDK provider (example plugin)");

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
        return EncryptThenMacCipher.NONCE_LENGTH;
    }

    @Override
    public int tagLength() {
        return EncryptThenMacCipher.TAG_LENGTH;
    }

    @Override
    public AeadCipher newCipher(Secret key) {
        if (key.length() != keyLength()) {
            throw new IllegalArgumentException(NAME + " needs a 32-byte key, got " + key.length() + " bytes");
        }
        byte[] raw = key.bytes();
        byte[] keys = HkdfSha256.derive(raw, new byte[0], KEY_INFO.getBytes(StandardCharsets.US_ASCII), 64);
        try {
            return new EncryptThenMacCipher(Arrays.copyOfRange(keys, 0, 32), Arrays.copyOfRange(keys, 32, 64));
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(keys, (byte) 0);
        }
    }
}
