package org.peerlab.crypto.api;

import java.security.GeneralSecurityException;

/**
 * Base for ephemeral Diffie-Hellman exchanges: each side generates a key pair and sends its
 * public share; each computes the secret from its private key and the peer's share.
 * Subclasses supply {@link #generate()} and {@link #agree(byte[])}.
 */
public abstract class DiffieHellmanSession extends OneRoundTripSession {

    protected DiffieHellmanSession(String algorithm, Role role) {
        super(algorithm, role);
    }

    /** Makes a fresh key pair, keeps the private key, and returns the encoded public share. */
    protected abstract byte[] generate() throws GeneralSecurityException;

    /**
     * Combines the kept private key with the peer's share.
     *
     * @throws GeneralSecurityException or IllegalArgumentException if the share is malformed or invalid
     */
    protected abstract Secret agree(byte[] peerShare) throws GeneralSecurityException;

    @Override
    protected final byte[] hello() throws GeneralSecurityException {
        return generate();
    }

    @Override
    protected final Reply respond(byte[] hello) throws GeneralSecurityException {
        byte[] own = generate();
        return new Reply(own, agree(hello));
    }

    @Override
    protected final Secret finish(byte[] reply) throws GeneralSecurityException {
        return agree(reply);
    }
}
