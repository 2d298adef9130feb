package org.peerlab.crypto.bc.internal;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;

/**
 * PBKDF2 with HMAC-SHA256 (RFC 8018) on the password's bytes, Bouncy Castle; the storage seed's
 * password derivation (100,000 iterations by default). {@code info} is ignored.
 */
@Component(service = { Kdf.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Kdf.FAMILY, Strategy.NAME_PROPERTY + "=pbkdf2-sha256" })
public class Pbkdf2Sha256Strategy implements Kdf {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "pbkdf2-sha256",
            "PBKDF2 with HMAC-SHA256 (RFC 8018), Bouncy Castle: password hashing with an iteration count",
            ParameterSpec.integer("iterations", "HMAC iterations per output block", 100_000, 1, 100_000_000));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Secret derive(Secret input, byte[] salt, byte[] info, int length, Parameters parameters) {
        if (length < 1 || length > 1 << 20) {
            throw new IllegalArgumentException("pbkdf2-sha256 output length must be 1.." + (1 << 20) + " bytes, got " + length);
        }
        byte[] password = input.bytes();
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(password, salt, parameters.getInt("iterations"));
            return Secret.adopt(((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey());
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }
}
