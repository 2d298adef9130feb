package org.peerlab.crypto.jdk.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;

import javax.crypto.KeyAgreement;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.DiffieHellmanSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/** Ephemeral ECDH on NIST P-256 from the JDK's SunEC provider: 65-byte uncompressed shares. */
@Component(service = { KeyExchange.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + KeyExchange.FAMILY, Strategy.NAME_PROPERTY + "=ecdh-p256" })
public class EcdhP256Strategy implements KeyExchange {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "ecdh-p256",
            "Ephemeral ECDH on NIST P-256, JDK provider: 65-byte uncompressed shares checked on the curve, 32-byte secret");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KeyExchangeSession newSession(Role role, Parameters parameters) {
        return new Session(role);
    }

    /** The uncompressed 65-byte encoding the sessions send, exposed for vector tests. */
    public static byte[] encode(ECPublicKey key) {
        return P256.encode(key);
    }

    /** ECDH(private, peer point): the x-coordinate of the product, 32 bytes. Rejects points off the curve. */
    public static Secret agree(PrivateKey own, byte[] peerPoint) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(own);
        agreement.doPhase(P256.decodePublic(peerPoint), true);
        return Secret.adopt(agreement.generateSecret());
    }

    private static final class Session extends DiffieHellmanSession {
        private PrivateKey privateKey;

        Session(Role role) {
            super("ecdh-p256", role);
        }

        @Override
        protected byte[] generate() throws GeneralSecurityException {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(P256.PARAMS);
            KeyPair pair = g.generateKeyPair();
            privateKey = pair.getPrivate();
            return P256.encode((ECPublicKey) pair.getPublic());
        }

        @Override
        protected Secret agree(byte[] peerShare) throws GeneralSecurityException {
            return EcdhP256Strategy.agree(privateKey, peerShare);
        }

        @Override
        protected void wipe() {
            privateKey = null; // SunEC private keys cannot be destroyed; drop the reference
        }
    }
}
