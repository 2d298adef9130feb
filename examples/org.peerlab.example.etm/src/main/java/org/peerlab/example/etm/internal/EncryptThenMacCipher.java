package org.peerlab.example.etm.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;

/**
 * One keyed encrypt-then-MAC cipher. Sealing encrypts with AES-256-CTR, whose 16-byte counter
 * block is the 12-byte nonce followed by a 32-bit big-endian block counter starting at 0, then
 * appends the first 16 bytes of
 * {@code HMAC-SHA256(macKey, uint64be(len(aad)) || aad || nonce || ciphertext)}. The nonce has a
 * fixed length and the ciphertext comes last, so the encoding is unambiguous. Opening checks the
 * tag in constant time before decrypting anything.
 *
 * <p>Limits: 2^32 blocks (64 GiB) per nonce, far beyond a Java array. Not thread-safe.
 */
final class EncryptThenMacCipher implements AeadCipher {

    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private final SecretKeySpec aesKey;
    private final SecretKeySpec hmacKey;
    private final Cipher ctr;
    private final Mac mac;
    private boolean closed;

    /** Copies both keys into key specs and wipes the arrays given. */
    EncryptThenMacCipher(byte[] encryptionKey, byte[] macKey) {
        this.aesKey = new SecretKeySpec(encryptionKey, "AES");
        this.hmacKey = new SecretKeySpec(macKey, "HmacSHA256");
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        try {
            this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
            this.mac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks AES/CTR or HmacSHA256", e);
        }
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext) {
        checkUsable(nonce);
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, 0, plaintext.length, out);
        byte[] tag = tag(nonce, associatedData, out, 0, plaintext.length);
        System.arraycopy(tag, 0, out, plaintext.length, TAG_LENGTH);
        return out;
    }

    @Override
    public byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext) throws AeadException {
        return open(nonce, associatedData, ciphertext, 0, ciphertext.length);
    }

    @Override
    public byte[] open(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length) throws AeadException {
        if (length < TAG_LENGTH) {
            throw new AeadException("ciphertext of " + length + " bytes is shorter than the 16-byte tag", null);
        }
        checkUsable(nonce);
        int bodyLength = length - TAG_LENGTH;
        byte[] expected = tag(nonce, associatedData, in, offset, bodyLength);
        byte[] given = Arrays.copyOfRange(in, offset + bodyLength, offset + length);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new AeadException("authentication failed: ciphertext, nonce or associated data altered, or wrong key", null);
        }
        byte[] plain = new byte[bodyLength];
        crypt(Cipher.DECRYPT_MODE, nonce, in, offset, bodyLength, plain);
        return plain;
    }

    private void crypt(int mode, byte[] nonce, byte[] in, int offset, int length, byte[] out) {
        byte[] counterBlock = Arrays.copyOf(nonce, 16); // nonce || 0x00000000
        try {
            ctr.init(mode, aesKey, new IvParameterSpec(counterBlock));
            int n = ctr.doFinal(in, offset, length, out, 0);
            if (n != length) {
                throw new IllegalStateException("AES/CTR produced " + n + " bytes for " + length);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR failed", e);
        }
    }

    private byte[] tag(byte[] nonce, byte[] associatedData, byte[] ciphertext, int offset, int length) {
        try {
            mac.init(hmacKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused its key", e);
        }
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(associatedData.length).array());
        mac.update(associatedData);
        mac.update(nonce);
        mac.update(ciphertext, offset, length);
        return Arrays.copyOf(mac.doFinal(), TAG_LENGTH);
    }

    private void checkUsable(byte[] nonce) {
        if (closed) {
            throw new IllegalStateException("cipher is closed");
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(AesCtrHmacSha256Strategy.NAME + " needs a 12-byte nonce, got " + nonce.length + " bytes");
        }
    }

    /** Makes the cipher unusable. The JDK's key specs cannot wipe their copies; they become unreachable with this cipher. */
    @Override
    public void close() {
        closed = true;
    }
}
