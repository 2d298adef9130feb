package org.peerlab.crypto.jdk.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;

import javax.crypto.KeyAgreement;

import org.peerlab.crypto.api.DiffieHellmanSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/** One X25519 exchange (RFC 7748): each side sends its 32-byte public share. */
final class X25519Session extends DiffieHellmanSession {

    static final int SHARE_LENGTH = 32;

    private PrivateKey privateKey;

    X25519Session(Role role) {
        super("x25519", role);
    }

    @Override
    protected Secret agree(byte[] peerShare) throws GeneralSecurityException {
        return agree(privateKey, peerShare);
    }

    @Override
    protected void wipe() {
        // The JDK's XEC private key offers no destroy(); dropping the reference is all we can do.
        privateKey = null;
    }

    @Override
    protected byte[] generate() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        privateKey = pair.getPrivate();
        return encode((XECPublicKey) pair.getPublic());
    }

    /** X25519(private, peer share); the JDK rejects small-order shares (all-zero secret). */
    static Secret agree(PrivateKey own, byte[] peerShare) throws GeneralSecurityException {
        if (peerShare.length != SHARE_LENGTH) {
            throw new IllegalArgumentException("x25519 share must be 32 bytes, got " + peerShare.length);
        }
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(own);
        agreement.doPhase(decode(peerShare), true);
        return Secret.adopt(agreement.generateSecret());
    }

    /** RFC 7748 encoding: the u-coordinate, 32 bytes little-endian. */
    static byte[] encode(XECPublicKey key) {
        byte[] bigEndian = key.getU().toByteArray();
        byte[] out = new byte[SHARE_LENGTH];
        for (int i = 0; i < bigEndian.length && i < SHARE_LENGTH; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    static PublicKey decode(byte[] share) throws GeneralSecurityException {
        byte[] bigEndian = new byte[SHARE_LENGTH];
        for (int i = 0; i < SHARE_LENGTH; i++) {
            bigEndian[i] = share[SHARE_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f; // RFC 7748 section 5: ignore the most significant bit
        BigInteger u = new BigInteger(1, bigEndian);
        return KeyFactory.getInstance("X25519").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
    }
}
