package org.peerlab.crypto.api;

import java.util.Optional;

/**
 * One run of a key exchange as a message-driven state machine: no I/O, no threads. The
 * driver calls {@link #start()} once, sends what it returns, then passes every message from the
 * peer to {@link #receive} and sends what that returns, until {@link #isComplete()}.
 * A one-round Diffie-Hellman is: initiator start → share; responder receive(share) → own share
 * (complete); initiator receive(share) (complete). KEMs and multi-round PAKEs follow the same shape.
 * Not thread-safe.
 */
public interface KeyExchangeSession extends AutoCloseable {

    Role role();

    /**
     * @return the first message to send, if this role speaks first
     * @throws IllegalStateException if already started
     */
    Optional<byte[]> start();

    /**
     * Processes one message from the peer.
     *
     * @return the reply to send, if any
     * @throws KeyExchangeException  if the message is malformed or fails a check (the session is then unusable)
     * @throws IllegalStateException if not started, already complete, or closed
     */
    Optional<byte[]> receive(byte[] message) throws KeyExchangeException;

    /** @return whether the shared secret is available */
    boolean isComplete();

    /**
     * @return the shared secret; the session keeps ownership and wipes it on {@link #close()}
     * @throws IllegalStateException if not complete
     */
    Secret sharedSecret();

    /**
     * @return every message sent and received so far, each preceded by its 4-byte big-endian
     *         length, in protocol order (initiator's first); the protocol authenticates it
     */
    byte[] transcript();

    /** Wipes private keys and the shared secret. Idempotent. */
    @Override
    void close();
}
