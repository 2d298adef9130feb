package org.peerlab.storage.node;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/**
 * Ed25519 straight from the JDK, for the node's unit tests, which cannot see the strategy
 * bundles: 32-byte raw public keys (the X.509 encoding without its fixed 12-byte header), the
 * private key held in its PKCS#8 encoding. The real ed25519 strategy runs in the process tests.
 */
public final class JdkEd25519 implements SignatureScheme {

    private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    @Override
    public StrategyDescriptor descriptor() {
        return StrategyDescriptor.of(FAMILY, "ed25519", "Ed25519 from the JDK (test)");
    }

    @Override
    public SigningKeyPair generateKeyPair() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = kp.getPublic().getEncoded();
            return new SigningKeyPair(Arrays.copyOfRange(x509, X509_HEADER.length, x509.length), Secret.adopt(kp.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int publicKeyLength() {
        return 32;
    }

    @Override
    public byte[] sign(Secret privateKey, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateKey.bytes())));
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != 32) {
            return false;
        }
        try {
            byte[] x509 = Arrays.copyOf(X509_HEADER, X509_HEADER.length + 32);
            System.arraycopy(publicKey, 0, x509, X509_HEADER.length, 32);
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
