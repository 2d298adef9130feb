package org.peerlab.crypto.bc.internal;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;

/** AES-256-GCM from Bouncy Castle's lightweight API, to compare providers with the JDK's. */
@Component(service = { Aead.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Aead.FAMILY, Strategy.NAME_PROPERTY + "=aes-256-gcm-bc" })
public class AesGcmBcStrategy extends BcAead {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "aes-256-gcm-bc",
            "AES-256-GCM, Bouncy Castle's own implementation: 96-bit nonce, 128-bit tag");

    public AesGcmBcStrategy() {
        super(() -> GCMBlockCipher.newInstance(AESEngine.newInstance()));
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
