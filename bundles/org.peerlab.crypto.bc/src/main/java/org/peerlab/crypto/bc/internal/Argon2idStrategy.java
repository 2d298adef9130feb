package org.peerlab.crypto.bc.internal;

import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;

/**
 * Argon2id (RFC 9106), Bouncy Castle: memory-hard password hashing. Defaults follow RFC 9106's
 * second recommended option (64 MiB, 3 passes, 4 lanes). {@code info} is bound as associated data.
 */
@Component(service = { Kdf.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Kdf.FAMILY, Strategy.NAME_PROPERTY + "=argon2id" })
public class Argon2idStrategy implements Kdf {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "argon2id",
            "Argon2id (RFC 9106), Bouncy Castle: memory-hard password hashing",
            ParameterSpec.integer("memory-kib", "memory in KiB", 65_536, 8, 4_194_304),
            ParameterSpec.integer("iterations", "passes over memory", 3, 1, 1_000),
            ParameterSpec.integer("parallelism", "lanes", 4, 1, 255));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Secret derive(Secret input, byte[] salt, byte[] info, int length, Parameters parameters) {
        if (length < 4 || length > 1 << 20) {
            throw new IllegalArgumentException("argon2id output length must be 4.." + (1 << 20) + " bytes, got " + length);
        }
        if (salt.length < 8) {
            throw new IllegalArgumentException("argon2id needs a salt of at least 8 bytes, got " + salt.length);
        }
        int lanes = parameters.getInt("parallelism");
        int memory = parameters.getInt("memory-kib");
        if (memory < 8 * lanes) {
            throw new IllegalArgumentException("argon2id memory-kib must be at least 8 x parallelism (" + 8 * lanes + "), got " + memory);
        }
        Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withAdditional(info)
                .withIterations(parameters.getInt("iterations"))
                .withMemoryAsKB(memory)
                .withParallelism(lanes)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(p);
        byte[] password = input.bytes();
        byte[] out = new byte[length];
        try {
            generator.generateBytes(password, out);
            return Secret.adopt(out);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }
}
