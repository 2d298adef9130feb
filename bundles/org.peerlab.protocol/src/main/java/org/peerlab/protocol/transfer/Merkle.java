package org.peerlab.protocol.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 piece hashes and the Merkle root over them. A piece's hash is
 * {@code SHA-256(0x00 || piece)}; an inner node is {@code SHA-256(0x01 || left || right)}; a node
 * without a partner on its level moves up unchanged; the root of zero pieces is {@code SHA-256()}
 * of nothing.
 */
public final class Merkle {

    /** Length of every hash, in bytes. */
    public static final int HASH = 32;

    private Merkle() {
    }

    /** @return a SHA-256 digest (every JDK has one) */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** @return the hash of one piece */
    public static byte[] leaf(MessageDigest digest, byte[] data, int offset, int length) {
        digest.reset();
        digest.update((byte) 0);
        digest.update(data, offset, length);
        return digest.digest();
    }

    /**
     * @param hashes the piece hashes, concatenated ({@code 32 * pieces} bytes)
     * @return the root
     */
    public static byte[] root(byte[] hashes) {
        if (hashes.length % HASH != 0) {
            throw new IllegalArgumentException("hash list of " + hashes.length + " bytes is not a multiple of " + HASH);
        }
        MessageDigest digest = sha256();
        int n = hashes.length / HASH;
        if (n == 0) {
            return digest.digest();
        }
        byte[] level = hashes.clone();
        while (n > 1) {
            int up = (n + 1) / 2;
            byte[] next = new byte[up * HASH];
            for (int i = 0; i < n / 2; i++) {
                digest.reset();
                digest.update((byte) 1);
                digest.update(level, 2 * i * HASH, 2 * HASH);
                System.arraycopy(digest.digest(), 0, next, i * HASH, HASH);
            }
            if (n % 2 == 1) {
                System.arraycopy(level, (n - 1) * HASH, next, (up - 1) * HASH, HASH);
            }
            level = next;
            n = up;
        }
        return level;
    }
}
