package org.peerlab.crypto.jdk.internal;

import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.spec.IvParameterSpec;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;

/** ChaCha20-Poly1305 (RFC 8439) from the JDK's SunJCE provider: 32-byte key, 12-byte nonce, 16-byte tag. */
@Component(service = { Aead.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Aead.FAMILY, Strategy.NAME_PROPERTY + "=chacha20-poly1305" })
public class ChaCha20Poly1305Strategy extends JdkAead {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "chacha20-poly1305",
            "ChaCha20-Poly1305 (RFC 8439), JDK provider: 96-bit nonce, 128-bit tag");

    public ChaCha20Poly1305Strategy() {
        super("ChaCha20-Poly1305", "ChaCha20");
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    AlgorithmParameterSpec spec(byte[] nonce) {
        return new IvParameterSpec(nonce);
    }
}
