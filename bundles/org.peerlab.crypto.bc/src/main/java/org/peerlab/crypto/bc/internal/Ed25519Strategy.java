package org.peerlab.crypto.bc.internal;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/** Ed25519 (RFC 8032), Bouncy Castle: 32-byte public keys and private seeds, 64-byte signatures. */
@Component(service = { SignatureScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + SignatureScheme.FAMILY, Strategy.NAME_PROPERTY + "=ed25519" })
public class Ed25519Strategy implements SignatureScheme {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "ed25519",
            "Ed25519 signatures (RFC 8032), Bouncy Castle: 32-byte keys, 64-byte signatures");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int publicKeyLength() {
        return Ed25519PublicKeyParameters.KEY_SIZE;
    }

    @Override
    public SigningKeyPair generateKeyPair() {
        return generateKeyPair(RANDOM);
    }

    @Override
    public SigningKeyPair generateKeyPair(SecureRandom random) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        return new SigningKeyPair(key.generatePublicKey().getEncoded(), Secret.adopt(key.getEncoded()));
    }

    @Override
    public byte[] sign(Secret privateKey, byte[] message) {
        byte[] seed = privateKey.bytes();
        try {
            if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                throw new IllegalArgumentException("an ed25519 private key is 32 bytes, got " + seed.length);
            }
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false; // a public key that does not decode to a curve point
        }
    }
}
