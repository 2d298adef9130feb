package org.peerlab.storage.coordinator;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/**
 * Test double of the signature family over the JDK's own Ed25519 (real signatures; keys in their
 * X.509 / PKCS#8 encodings rather than raw, which the core does not care about).
 */
final class JdkEd25519ForTests implements SignatureScheme {

    @Override
    public StrategyDescriptor descriptor() {
        return StrategyDescriptor.of(FAMILY, "jdk-ed25519", "test double: JDK Ed25519 with encoded keys");
    }

    @Override
    public SigningKeyPair generateKeyPair() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKeyPair(kp.getPublic().getEncoded(), Secret.adopt(kp.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int publicKeyLength() {
        return 44;
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
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
