package org.peerlab.crypto.api;

import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Base for key exchanges of one round trip: the initiator sends a hello, the responder answers
 * and is done, the initiator finishes on the answer. Diffie-Hellman (both send a share) and KEMs
 * (the initiator sends a public key, the responder a ciphertext) both fit. Subclasses supply
 * the three steps; this class keeps the state machine, the transcript and the secret.
 * Not thread-safe.
 */
public abstract class OneRoundTripSession implements KeyExchangeSession {

    /** The responder's answer and the secret it computed. */
    public record Reply(byte[] message, Secret secret) {
    }

    private enum State { NEW, STARTED, COMPLETE, FAILED, CLOSED }

    private final String algorithm;
    private final Role role;
    private final Transcript transcript = new Transcript();
    private State state = State.NEW;
    private Secret secret;

    protected OneRoundTripSession(String algorithm, Role role) {
        this.algorithm = algorithm;
        this.role = role;
    }

    /** Initiator: makes the first message (keeping whatever private state {@link #finish} needs). */
    protected abstract byte[] hello() throws GeneralSecurityException;

    /**
     * Responder: checks the hello and answers.
     *
     * @throws GeneralSecurityException or IllegalArgumentException if the hello is malformed or invalid
     */
    protected abstract Reply respond(byte[] hello) throws GeneralSecurityException;

    /**
     * Initiator: checks the reply and computes the secret.
     *
     * @throws GeneralSecurityException or IllegalArgumentException if the reply is malformed or invalid
     */
    protected abstract Secret finish(byte[] reply) throws GeneralSecurityException;

    /** Forgets private keys (as far as the provider allows). Called when complete, failed or closed. */
    protected abstract void wipe();

    @Override
    public final Role role() {
        return role;
    }

    @Override
    public final Optional<byte[]> start() {
        require(State.NEW, "start");
        state = State.STARTED;
        if (role == Role.RESPONDER) {
            return Optional.empty();
        }
        try {
            byte[] hello = hello();
            transcript.append(hello);
            return Optional.of(hello);
        } catch (GeneralSecurityException e) {
            state = State.FAILED;
            throw new IllegalStateException(algorithm + ": the platform cannot generate a key: " + e.getMessage(), e);
        }
    }

    @Override
    public final Optional<byte[]> receive(byte[] message) throws KeyExchangeException {
        require(State.STARTED, "receive");
        try {
            if (role == Role.RESPONDER) {
                Reply reply = respond(message);
                transcript.append(message);
                transcript.append(reply.message());
                complete(reply.secret());
                return Optional.of(reply.message());
            }
            Secret s = finish(message);
            transcript.append(message);
            complete(s);
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            state = State.FAILED;
            wipe();
            throw new KeyExchangeException(algorithm + " message rejected: " + e.getMessage(), e);
        }
    }

    private void complete(Secret s) {
        secret = s;
        state = State.COMPLETE;
        wipe();
    }

    @Override
    public final boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public final Secret sharedSecret() {
        require(State.COMPLETE, "sharedSecret");
        return secret;
    }

    @Override
    public final byte[] transcript() {
        return transcript.toByteArray();
    }

    @Override
    public final void close() {
        if (secret != null) {
            secret.destroy();
        }
        wipe();
        state = State.CLOSED;
    }

    private void require(State expected, String operation) {
        if (state != expected) {
            throw new IllegalStateException(algorithm + " session: cannot " + operation + " in state " + state);
        }
    }
}
