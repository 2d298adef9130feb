package org.peerlab.crypto.api;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/** A key derivation function (family {@value #FAMILY}): HKDF, PBKDF2, Argon2id, ... */
public interface Kdf extends Strategy {

    String FAMILY = "kdf";

    /**
     * @param input      input keying material or password bytes
     * @param salt       salt (may be empty where the algorithm allows)
     * @param info       context label binding the output to its use (ignored by password hashes)
     * @param length     output length in bytes, at least 1
     * @param parameters values bound by this strategy's descriptor
     * @return a new secret of {@code length} bytes
     * @throws IllegalArgumentException if {@code length} is out of the algorithm's range
     */
    Secret derive(Secret input, byte[] salt, byte[] info, int length, Parameters parameters);
}
