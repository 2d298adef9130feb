package org.peerlab.crypto.bc.internal;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMSIVBlockCipher;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;

/** AES-256-GCM-SIV (RFC 8452), nonce-misuse resistant, from Bouncy Castle. */
@Component(service = { Aead.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Aead.FAMILY, Strategy.NAME_PROPERTY + "=aes-256-gcm-siv" })
public class AesGcmSivStrategy extends BcAead {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "aes-256-gcm-siv",
            "AES-256-GCM-SIV (RFC 8452), Bouncy Castle: nonce-misuse resistant, 96-bit nonce, 128-bit tag");

    public AesGcmSivStrategy() {
        super(() -> new GCMSIVBlockCipher(AESEngine.newInstance()));
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
