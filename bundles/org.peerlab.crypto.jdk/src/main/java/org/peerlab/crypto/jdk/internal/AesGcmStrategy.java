package org.peerlab.crypto.jdk.internal;

import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.spec.GCMParameterSpec;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;

/** AES-256-GCM from the JDK's SunJCE provider: 32-byte key, 12-byte nonce, 16-byte tag. */
@Component(service = { Aead.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Aead.FAMILY, Strategy.NAME_PROPERTY + "=aes-256-gcm" })
public class AesGcmStrategy extends JdkAead {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "aes-256-gcm",
            "AES-256 in Galois/Counter Mode, JDK provider: 96-bit nonce, 128-bit tag");

    public AesGcmStrategy() {
        super("AES/GCM/NoPadding", "AES");
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    AlgorithmParameterSpec spec(byte[] nonce) {
        return new GCMParameterSpec(128, nonce);
    }
}
