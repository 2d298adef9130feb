package org.peerlab.storage.api;

import java.io.IOException;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/**
 * A proof-of-retrievability scheme (family {@value #FAMILY}): {@code merkle-challenge},
 * {@code precomputed-hmac}, ... The verifier (the coordinator) keeps a small record per shard;
 * an audit sends a challenge, the node answers from the bytes it holds, the verifier checks the
 * answer against the record alone. All methods are pure functions of their arguments; records,
 * challenges and responses are opaque bytes so that they can be stored and sent as they are.
 *
 * <p>Parameters every scheme declares: {@code block-size} (bytes per audited block) and
 * {@code blocks} (c, blocks sampled per challenge). Sampling is uniform with replacement, so a
 * shard with a fraction f of its blocks damaged is caught with probability 1 - (1 - f)^c.
 */
public interface AuditScheme extends Strategy {

    String FAMILY = "audit";

    /**
     * @param secret randomness of the verifier for this shard (schemes that need a secret use
     *               it, for example as MAC keys); 32 bytes
     * @return a builder to feed the shard's bytes to
     */
    AuditRecordBuilder recordBuilder(Parameters parameters, long shardLength, byte[] secret);

    /**
     * Makes challenge number {@code round} for a shard.
     *
     * @param random the verifier's randomness (seeded in simulation, a SecureRandom for real)
     * @throws AuditExhaustedException if the record has no unused challenge left (precomputed schemes)
     */
    byte[] challenge(Parameters parameters, byte[] record, long round, RandomGenerator random) throws AuditExhaustedException;

    /**
     * The node's side: answers a challenge from the shard it holds.
     *
     * @throws IOException if the node cannot read its shard
     * @throws IllegalArgumentException if the challenge is malformed (the message says how)
     */
    byte[] respond(Parameters parameters, byte[] challenge, ShardAccess shard) throws IOException;

    /** The verifier's side: checks a response. Malformed responses fail with a reason. */
    AuditVerdict verify(Parameters parameters, byte[] record, byte[] challenge, byte[] response);

    /** Thrown when a precomputed scheme has used up its challenges for a shard. */
    final class AuditExhaustedException extends Exception {
        private static final long serialVersionUID = 1L;

        public AuditExhaustedException(String message) {
            super(message);
        }
    }
}
