package org.peerlab.crypto.bc.internal;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;

/** HKDF with HMAC-SHA256 (RFC 5869), Bouncy Castle's implementation; up to 8160 output bytes. */
@Component(service = { Kdf.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Kdf.FAMILY, Strategy.NAME_PROPERTY + "=hkdf-sha256" })
public class HkdfSha256Strategy implements Kdf {

    private static final int MAX_LENGTH = 255 * 32;

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "hkdf-sha256",
            "HKDF extract-and-expand with HMAC-SHA256 (RFC 5869), Bouncy Castle: up to 8160 bytes");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Secret derive(Secret input, byte[] salt, byte[] info, int length, Parameters parameters) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("hkdf-sha256 output length must be 1.." + MAX_LENGTH + " bytes, got " + length);
        }
        byte[] ikm = input.bytes();
        try {
            HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
            generator.init(new HKDFParameters(ikm, salt.length == 0 ? null : salt, info));
            byte[] out = new byte[length];
            generator.generateBytes(out, 0, length);
            return Secret.adopt(out);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }
}
