package org.peerlab.storage.strategies.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.random.RandomGenerator;

import javax.crypto.Mac;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.ShardAccess;

/**
 * Precomputed-challenge proof of retrievability: at upload the verifier derives {@code challenges}
 * one-time challenges from its secret and keeps only their nonces, index seeds and expected MACs
 * ({@link HmacRecord}); each audit spends one ({@link HmacChallenge}, 41 bytes) and the node
 * answers with the 32-byte MAC over the selected blocks (response: tag {@code 't'} + MAC, 33
 * bytes). Derivation and message order: {@link PrecomputedChallenge}. The node reads only the c
 * challenged blocks. Thread-safe (stateless).
 */
@Component(service = { AuditScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + AuditScheme.FAMILY, Strategy.NAME_PROPERTY + "=precomputed-hmac" })
public class PrecomputedHmacScheme implements AuditScheme {

    static final byte RESPONSE_TAG = 't';
    private static final int SECRET_LENGTH = 32;

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "precomputed-hmac",
            "One-time challenges precomputed at upload: HMAC-SHA256 keyed by a per-challenge nonce over c blocks"
                    + " derived from a seed; 56 bytes of record per challenge, exhausted after the last one",
            ParameterSpec.integer("block-size", "bytes per audited block", 1024, BlockLayout.MIN_BLOCK_SIZE,
                    BlockLayout.MAX_BLOCK_SIZE),
            ParameterSpec.integer("blocks", "blocks c sampled per challenge, uniformly with replacement", 460, 1,
                    MerkleChallenge.MAX_BLOCKS),
            ParameterSpec.integer("challenges", "challenges precomputed per shard (audits before re-upload)", 64, 1, 4096));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * @param secret 32 bytes, used only here (the record does not need it afterwards)
     * @throws IllegalArgumentException if the secret is not 32 bytes, the shard is empty, or
     *         {@code challenges * blocks} exceeds {@link HmacRecordBuilder#MAX_SELECTIONS}
     */
    @Override
    public AuditRecordBuilder recordBuilder(Parameters parameters, long shardLength, byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("precomputed-hmac needs a " + SECRET_LENGTH + "-byte secret, got " + secret.length);
        }
        int blocks = parameters.getInt("blocks");
        int challenges = parameters.getInt("challenges");
        if ((long) blocks * challenges > HmacRecordBuilder.MAX_SELECTIONS) {
            throw new IllegalArgumentException(challenges + " challenges of " + blocks + " blocks exceed "
                    + HmacRecordBuilder.MAX_SELECTIONS + " selections per record");
        }
        return new HmacRecordBuilder(new BlockLayout(parameters.getInt("block-size"), shardLength), blocks, challenges, secret);
    }

    /**
     * Returns precomputed challenge number {@code round}; {@code random} is not used.
     *
     * @throws AuditExhaustedException if {@code round} is not below the record's challenge count
     * @throws IllegalArgumentException if the record is malformed or {@code round} is negative
     */
    @Override
    public byte[] challenge(Parameters parameters, byte[] record, long round, RandomGenerator random) throws AuditExhaustedException {
        HmacRecord decoded;
        try {
            decoded = HmacRecord.decode(record);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        if (round >= decoded.challenges().length) {
            throw new AuditExhaustedException("all " + decoded.challenges().length
                    + " precomputed challenges of this shard are used (round " + round + "); re-upload to audit further");
        }
        BlockLayout layout = decoded.layout();
        return new HmacChallenge((int) round, layout.blockSize(), layout.blockCount(), decoded.blocksPerChallenge(),
                decoded.challenges()[(int) round]).encode();
    }

    /** @throws IllegalArgumentException if the challenge is malformed or selects a block outside the shard */
    @Override
    public byte[] respond(Parameters parameters, byte[] challenge, ShardAccess shard) throws IOException {
        HmacChallenge decoded;
        try {
            decoded = HmacChallenge.decode(challenge);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        BlockLayout layout = new BlockLayout(decoded.blockSize(), shard.length());
        int[] indices = decoded.keys().sortedIndices(decoded.blocks(), decoded.blockCount());
        for (int index : indices) {
            layout.checkIndex(index);
        }
        Mac mac = decoded.keys().answerMac();
        byte[] block = new byte[layout.blockSize()];
        int previous = -1;
        for (int index : indices) {
            int length = layout.length(index);
            if (index != previous) {
                shard.read(layout.offset(index), block, 0, length);
                previous = index;
            }
            mac.update(block, 0, length);
        }
        byte[] response = new byte[1 + PrecomputedChallenge.MAC_LENGTH];
        response[0] = RESPONSE_TAG;
        System.arraycopy(mac.doFinal(), 0, response, 1, PrecomputedChallenge.MAC_LENGTH);
        return response;
    }

    @Override
    public AuditVerdict verify(Parameters parameters, byte[] record, byte[] challenge, byte[] response) {
        try {
            HmacRecord r = HmacRecord.decode(record);
            HmacChallenge c = HmacChallenge.decode(challenge);
            if (c.round() >= r.challenges().length) {
                return AuditVerdict.fail("the challenge claims round " + c.round() + "; the record has " + r.challenges().length);
            }
            PrecomputedChallenge expected = r.challenges()[c.round()];
            if (c.blockSize() != r.layout().blockSize() || c.blockCount() != r.layout().blockCount()
                    || c.blocks() != r.blocksPerChallenge() || c.keys().seed() != expected.seed()
                    || !MessageDigest.isEqual(c.keys().nonce(), expected.nonce())) {
                return AuditVerdict.fail("the challenge is not round " + c.round() + " of this record");
            }
            MessageReader in = new MessageReader(response, RESPONSE_TAG, "precomputed-hmac response");
            byte[] tag = in.readBytes(PrecomputedChallenge.MAC_LENGTH, "MAC");
            in.end();
            if (!MessageDigest.isEqual(tag, r.tags()[c.round()])) {
                return AuditVerdict.fail("the MAC of round " + c.round() + " does not match: at least one of its " + c.blocks()
                        + " blocks differs (the MAC cannot say which)");
            }
            return AuditVerdict.pass();
        } catch (MalformedMessageException e) {
            return AuditVerdict.fail(e.getMessage());
        }
    }
}
