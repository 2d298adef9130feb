package org.peerlab.crypto.jdk.internal;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/** NIST P-256 (secp256r1) key encodings shared by ecdh-p256 and ecdsa-p256. */
final class P256 {

    static final int SCALAR_LENGTH = 32;
    static final int POINT_LENGTH = 65;
    static final ECParameterSpec PARAMS = params();

    private P256() {
    }

    private static ECParameterSpec params() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no secp256r1", e);
        }
    }

    /** SEC 1 uncompressed encoding: 0x04 || X || Y, 65 bytes. */
    static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[POINT_LENGTH];
        out[0] = 0x04;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 1 + SCALAR_LENGTH);
        return out;
    }

    /**
     * Decodes an uncompressed point and checks that it lies on the curve.
     *
     * @throws IllegalArgumentException if the encoding is wrong or the point is not on P-256
     */
    static PublicKey decodePublic(byte[] encoded) throws GeneralSecurityException {
        if (encoded.length != POINT_LENGTH || encoded[0] != 0x04) {
            throw new IllegalArgumentException("a P-256 public key is 65 bytes starting with 0x04 (uncompressed), got "
                    + encoded.length + " bytes");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 33, 65));
        BigInteger p = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
        BigInteger a = PARAMS.getCurve().getA();
        BigInteger b = PARAMS.getCurve().getB();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
                || !y.multiply(y).subtract(x.pow(3).add(a.multiply(x)).add(b)).mod(p).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("point is not on the P-256 curve");
        }
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
    }

    static PrivateKey decodePrivate(byte[] scalar) throws GeneralSecurityException {
        if (scalar.length != SCALAR_LENGTH) {
            throw new IllegalArgumentException("a P-256 private key is 32 bytes, got " + scalar.length);
        }
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), PARAMS));
    }

    /** Writes {@code v} as 32 big-endian bytes at {@code offset}. */
    static void fixed(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, SCALAR_LENGTH);
        System.arraycopy(b, b.length - len, out, offset + SCALAR_LENGTH - len, len);
    }
}
