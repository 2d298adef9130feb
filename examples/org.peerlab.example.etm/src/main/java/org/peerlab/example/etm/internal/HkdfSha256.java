package org.peerlab.example.etm.internal;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), built on the JDK's {@link Mac}. The JDK's own HKDF
 * ({@code javax.crypto.KDF}) arrived in Java 25; PeerLab runs on 21.
 */
final class HkdfSha256 {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private HkdfSha256() {
    }

    /**
     * @param ikm    input keying material
     * @param salt   salt; empty means {@value #HASH_LENGTH} zero bytes, as the RFC says
     * @param info   context that separates the uses of one input
     * @param length output length in bytes, 1 to 255 times 32
     * @return the output keying material; the caller wipes it after use
     */
    static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 1 to " + 255 * HASH_LENGTH + " bytes, got " + length);
        }
        byte[] prk = null;
        byte[] block = new byte[0];
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, HMAC));
            ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HASH_LENGTH);
            for (int i = 1; okm.size() < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                Arrays.fill(block, (byte) 0);
                block = mac.doFinal();
                okm.writeBytes(block);
            }
            byte[] all = okm.toByteArray();
            byte[] out = Arrays.copyOf(all, length);
            Arrays.fill(all, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + HMAC, e);
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
            Arrays.fill(block, (byte) 0);
        }
    }
}
