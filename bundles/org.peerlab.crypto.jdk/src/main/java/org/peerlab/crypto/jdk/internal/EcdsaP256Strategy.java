package org.peerlab.crypto.jdk.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/**
 * ECDSA on P-256 with SHA-256, JDK provider. Signatures are r || s (IEEE P1363, 64 bytes);
 * public keys are 65-byte uncompressed points, private keys 32-byte scalars.
 */
@Component(service = { SignatureScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + SignatureScheme.FAMILY, Strategy.NAME_PROPERTY + "=ecdsa-p256" })
public class EcdsaP256Strategy implements SignatureScheme {

    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "ecdsa-p256",
            "ECDSA on NIST P-256 with SHA-256, JDK provider: 64-byte r||s signatures, 65-byte public keys");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int publicKeyLength() {
        return P256.POINT_LENGTH;
    }

    @Override
    public SigningKeyPair generateKeyPair() {
        return generateKeyPair(null);
    }

    @Override
    public SigningKeyPair generateKeyPair(java.security.SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            if (random == null) {
                g.initialize(P256.PARAMS);
            } else {
                g.initialize(P256.PARAMS, random);
            }
            KeyPair pair = g.generateKeyPair();
            byte[] scalar = new byte[P256.SCALAR_LENGTH];
            P256.fixed(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            return new SigningKeyPair(P256.encode((ECPublicKey) pair.getPublic()), Secret.adopt(scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate P-256 keys", e);
        }
    }

    @Override
    public byte[] sign(Secret privateKey, byte[] message) {
        byte[] scalar = privateKey.bytes();
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(P256.decodePrivate(scalar));
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ecdsa-p256 cannot sign with this key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (signature.length != 2 * P256.SCALAR_LENGTH) {
            return false; // the JDK's P1363 verifier tolerates other lengths; the format does not
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(P256.decodePublic(publicKey));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // malformed key or signature: not a valid signature
        }
    }
}
