package org.peerlab.crypto.bc.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.OneRoundTripSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/**
 * Post-quantum hybrid: ML-KEM-768 (FIPS 203) and X25519, Bouncy Castle. The initiator sends its
 * ML-KEM encapsulation key and X25519 share (1184 + 32 bytes), the responder the ciphertext and
 * its share (1088 + 32 bytes). The shared secret is both secrets, ML-KEM's first (32 + 32
 * bytes), so that the KDF is fed with both: the result stands if either primitive does.
 */
@Component(service = { KeyExchange.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + KeyExchange.FAMILY, Strategy.NAME_PROPERTY + "=x25519-mlkem768" })
public class X25519MlKem768Strategy implements KeyExchange {

    static final int EK_LENGTH = 1184;
    static final int CT_LENGTH = 1088;
    static final int X_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "x25519-mlkem768",
            "Hybrid ML-KEM-768 + X25519, Bouncy Castle: both 32-byte secrets go to the KDF (quantum-safe if either holds)");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KeyExchangeSession newSession(Role role, Parameters parameters) {
        return new Session(role);
    }

    /** ML-KEM-768 decapsulation; Bouncy Castle returns the implicit-rejection key for a bad ciphertext. */
    public static byte[] decapsulate(MLKEMPrivateKeyParameters key, byte[] ciphertext) {
        if (ciphertext.length != CT_LENGTH) {
            throw new IllegalArgumentException("ML-KEM-768 ciphertext must be " + CT_LENGTH + " bytes, got " + ciphertext.length);
        }
        return new MLKEMExtractor(key).extractSecret(ciphertext);
    }

    /** ML-KEM-768 encapsulation to {@code encapsulationKey}, which is checked (FIPS 203 modulus check). */
    public static SecretWithEncapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) {
        if (encapsulationKey.length != EK_LENGTH) {
            throw new IllegalArgumentException("ML-KEM-768 encapsulation key must be " + EK_LENGTH + " bytes, got " + encapsulationKey.length);
        }
        checkModulus(encapsulationKey);
        MLKEMPublicKeyParameters ek = new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, encapsulationKey);
        return new MLKEMGenerator(random).generateEncapsulated(ek);
    }

    /**
     * FIPS 203 section 7.2 input check: every 12-bit coefficient of the encoded vector t (the
     * first 1152 bytes) must be below q = 3329, i.e. the key must re-encode to itself.
     */
    static void checkModulus(byte[] ek) {
        for (int i = 0; i < EK_LENGTH - 32; i += 3) {
            int b0 = ek[i] & 0xff;
            int b1 = ek[i + 1] & 0xff;
            int b2 = ek[i + 2] & 0xff;
            if ((b0 | (b1 & 0x0f) << 8) >= 3329 || (b1 >> 4 | b2 << 4) >= 3329) {
                throw new IllegalArgumentException("ML-KEM-768 encapsulation key fails the modulus check (coefficient >= 3329)");
            }
        }
    }

    private static final class Session extends OneRoundTripSession {
        private MLKEMPrivateKeyParameters kemKey;
        private X25519PrivateKeyParameters xKey;

        Session(Role role) {
            super("x25519-mlkem768", role);
        }

        private byte[] newX25519() {
            X25519KeyPairGenerator g = new X25519KeyPairGenerator();
            g.init(new X25519KeyGenerationParameters(RANDOM));
            AsymmetricCipherKeyPair pair = g.generateKeyPair();
            xKey = (X25519PrivateKeyParameters) pair.getPrivate();
            return ((X25519PublicKeyParameters) pair.getPublic()).getEncoded();
        }

        private byte[] x25519(byte[] peer) throws GeneralSecurityException {
            byte[] out = new byte[X_LENGTH];
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(xKey);
            try {
                agreement.calculateAgreement(new X25519PublicKeyParameters(peer, 0), out, 0);
            } catch (IllegalStateException e) {
                throw new GeneralSecurityException("x25519 share of small order", e);
            }
            return out;
        }

        @Override
        protected byte[] hello() {
            MLKEMKeyPairGenerator g = new MLKEMKeyPairGenerator();
            g.init(new MLKEMKeyGenerationParameters(RANDOM, MLKEMParameters.ml_kem_768));
            AsymmetricCipherKeyPair pair = g.generateKeyPair();
            kemKey = (MLKEMPrivateKeyParameters) pair.getPrivate();
            byte[] ek = ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
            return concat(ek, newX25519());
        }

        @Override
        protected Reply respond(byte[] hello) throws GeneralSecurityException {
            if (hello.length != EK_LENGTH + X_LENGTH) {
                throw new IllegalArgumentException("hello must be " + (EK_LENGTH + X_LENGTH) + " bytes, got " + hello.length);
            }
            SecretWithEncapsulation kem = encapsulate(Arrays.copyOf(hello, EK_LENGTH), RANDOM);
            byte[] ownShare = newX25519();
            byte[] xSecret = x25519(Arrays.copyOfRange(hello, EK_LENGTH, hello.length));
            byte[] kemSecret = kem.getSecret();
            try {
                return new Reply(concat(kem.getEncapsulation(), ownShare), Secret.adopt(concat(kemSecret, xSecret)));
            } finally {
                Arrays.fill(kemSecret, (byte) 0);
                Arrays.fill(xSecret, (byte) 0);
            }
        }

        @Override
        protected Secret finish(byte[] reply) throws GeneralSecurityException {
            if (reply.length != CT_LENGTH + X_LENGTH) {
                throw new IllegalArgumentException("reply must be " + (CT_LENGTH + X_LENGTH) + " bytes, got " + reply.length);
            }
            byte[] kemSecret = decapsulate(kemKey, Arrays.copyOf(reply, CT_LENGTH));
            byte[] xSecret = x25519(Arrays.copyOfRange(reply, CT_LENGTH, reply.length));
            try {
                return Secret.adopt(concat(kemSecret, xSecret));
            } finally {
                Arrays.fill(kemSecret, (byte) 0);
                Arrays.fill(xSecret, (byte) 0);
            }
        }

        @Override
        protected void wipe() {
            kemKey = null; // Bouncy Castle key parameters offer no wipe; drop the references
            xKey = null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
