package org.peerlab.protocol.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A device's long-term identity: a signature scheme and public key. Its fingerprint is
 * {@code SHA-256(scheme || 0x00 || publicKey)}; its peer id, for humans and rendezvous lookups, is
 * three letters and three digits taken from the fingerprint (for example {@code KQF-207}).
 *
 * @param scheme    signature scheme name, e.g. {@code ed25519}
 * @param publicKey the scheme's public key encoding
 */
public record PeerIdentity(String scheme, byte[] publicKey) {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public PeerIdentity {
        Objects.requireNonNull(scheme, "scheme");
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return the 32-byte fingerprint */
    public byte[] fingerprint() {
        MessageDigest d = Merkle.sha256();
        d.update(scheme.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(publicKey);
        return d.digest();
    }

    /** @return the fingerprint in base32 without padding (52 characters) */
    public String fingerprintText() {
        return base32(fingerprint());
    }

    /** @return the human-friendly peer id, e.g. {@code KQF-207} */
    public String peerId() {
        byte[] f = fingerprint();
        long v = (f[0] & 0xffL) << 24 | (f[1] & 0xff) << 16 | (f[2] & 0xff) << 8 | f[3] & 0xff;
        long letters = v % (26 * 26 * 26);
        long digits = (v / (26 * 26 * 26)) % 1000;
        return "" + (char) ('A' + letters / 676) + (char) ('A' + letters / 26 % 26) + (char) ('A' + letters % 26) + '-'
                + String.format("%03d", digits);
    }

    /** @return RFC 4648 base32, upper case, no padding */
    public static String base32(byte[] data) {
        StringBuilder s = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                s.append(BASE32.charAt(buffer >>> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            s.append(BASE32.charAt(buffer << 5 - bits & 31));
        }
        return s.toString();
    }

    /** @return the bytes of RFC 4648 base32 text without padding (any case), or null if it has other characters */
    public static byte[] fromBase32(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                return null;
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >>> bits - 8 & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerIdentity p && p.scheme.equals(scheme) && Arrays.equals(p.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return scheme.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return peerId() + " (" + scheme + ", " + fingerprintText().substring(0, 16) + "...)";
    }
}
