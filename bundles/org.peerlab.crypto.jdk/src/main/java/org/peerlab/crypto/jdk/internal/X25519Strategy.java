package org.peerlab.crypto.jdk.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/** X25519 Diffie-Hellman (RFC 7748) from the JDK's SunEC provider: one 32-byte share each way. */
@Component(service = { KeyExchange.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + KeyExchange.FAMILY, Strategy.NAME_PROPERTY + "=x25519" })
public class X25519Strategy implements KeyExchange {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "x25519",
            "Ephemeral X25519 Diffie-Hellman (RFC 7748), JDK provider: 32-byte shares, 32-byte secret");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KeyExchangeSession newSession(Role role, Parameters parameters) {
        return new X25519Session(role);
    }

    /** The agreement step the sessions use, exposed for vector tests: X25519(own, 32-byte peer share). */
    public static Secret agree(PrivateKey own, byte[] peerShare) throws GeneralSecurityException {
        return X25519Session.agree(own, peerShare);
    }
}
