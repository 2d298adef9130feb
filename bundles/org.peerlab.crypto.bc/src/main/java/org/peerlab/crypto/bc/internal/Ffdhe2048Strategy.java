package org.peerlab.crypto.bc.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.generators.DHKeyPairGenerator;
import org.bouncycastle.crypto.params.DHKeyGenerationParameters;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.DiffieHellmanSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/**
 * Finite-field Diffie-Hellman in the RFC 7919 ffdhe2048 group (the seeds' "Diffie-Hellman
 * 2048"), Bouncy Castle. Shares and the secret are 256-byte big-endian numbers; a peer share is
 * checked to lie in the prime-order subgroup.
 */
@Component(service = { KeyExchange.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + KeyExchange.FAMILY, Strategy.NAME_PROPERTY + "=ffdhe2048" })
public class Ffdhe2048Strategy implements KeyExchange {

    private static final int LENGTH = 256;
    private static final DHParameters GROUP = DHStandardGroups.rfc7919_ffdhe2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "ffdhe2048",
            "Ephemeral finite-field Diffie-Hellman, RFC 7919 ffdhe2048 group, Bouncy Castle: 256-byte shares and secret");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KeyExchangeSession newSession(Role role, Parameters parameters) {
        return new Session(role);
    }

    private static final class Session extends DiffieHellmanSession {
        private DHPrivateKeyParameters privateKey;

        Session(Role role) {
            super("ffdhe2048", role);
        }

        @Override
        protected byte[] generate() {
            DHKeyPairGenerator g = new DHKeyPairGenerator();
            g.init(new DHKeyGenerationParameters(RANDOM, GROUP));
            AsymmetricCipherKeyPair pair = g.generateKeyPair();
            privateKey = (DHPrivateKeyParameters) pair.getPrivate();
            return fixed(((DHPublicKeyParameters) pair.getPublic()).getY());
        }

        @Override
        protected Secret agree(byte[] peer) throws GeneralSecurityException {
            if (peer.length != LENGTH) {
                throw new IllegalArgumentException("ffdhe2048 share must be 256 bytes, got " + peer.length);
            }
            DHPublicKeyParameters peerKey;
            try {
                // Bouncy Castle checks 1 < y < p-1 and, the group having q, that y^q = 1 mod p.
                peerKey = new DHPublicKeyParameters(new BigInteger(1, peer), GROUP);
                DHBasicAgreement agreement = new DHBasicAgreement();
                agreement.init(privateKey);
                return Secret.adopt(fixed(agreement.calculateAgreement(peerKey)));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new GeneralSecurityException("invalid ffdhe2048 share: " + e.getMessage(), e);
            }
        }

        @Override
        protected void wipe() {
            privateKey = null; // BigInteger cannot be wiped; drop the reference
        }
    }

    static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[LENGTH];
        int len = Math.min(b.length, LENGTH);
        System.arraycopy(b, b.length - len, out, LENGTH - len, len);
        return out;
    }
}
