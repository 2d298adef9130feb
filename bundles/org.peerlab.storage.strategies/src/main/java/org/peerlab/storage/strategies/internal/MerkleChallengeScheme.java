package org.peerlab.storage.strategies.internal;

import java.io.IOException;
import java.util.random.RandomGenerator;

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
 * Merkle-tree proof of retrievability. The record ({@link MerkleRecord}, 49 bytes) is the root of
 * a SHA-256 Merkle tree over the shard's blocks; a challenge ({@link MerkleChallenge}) names c
 * blocks drawn uniformly with replacement; the response ({@link MerkleResponse}) carries each
 * block with its authentication path, and the verifier recomputes the root from each. Unlimited
 * audits per record; no secret. The node's cost is described in {@link MerkleResponder}.
 * Thread-safe (stateless).
 */
@Component(service = { AuditScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + AuditScheme.FAMILY, Strategy.NAME_PROPERTY + "=merkle-challenge" })
public class MerkleChallengeScheme implements AuditScheme {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "merkle-challenge",
            "Merkle root over SHA-256 block hashes; each audit asks for c random blocks with their authentication paths"
                    + " (unlimited audits, record of 49 bytes)",
            ParameterSpec.integer("block-size", "bytes per audited block", 1024, BlockLayout.MIN_BLOCK_SIZE,
                    BlockLayout.MAX_BLOCK_SIZE),
            ParameterSpec.integer("blocks", "blocks c sampled per challenge, uniformly with replacement", 460, 1,
                    MerkleChallenge.MAX_BLOCKS));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * @param secret ignored (may be null): the scheme needs none
     * @throws IllegalArgumentException if the shard is empty or has more than
     *         {@link MerkleResponder#MAX_BLOCKS} blocks
     */
    @Override
    public AuditRecordBuilder recordBuilder(Parameters parameters, long shardLength, byte[] secret) {
        BlockLayout layout = new BlockLayout(parameters.getInt("block-size"), shardLength);
        if (layout.blockCount() > MerkleResponder.MAX_BLOCKS) {
            throw new IllegalArgumentException("a shard of " + layout.blockCount() + " blocks is more than a node can answer for ("
                    + MerkleResponder.MAX_BLOCKS + "); use larger blocks");
        }
        return new MerkleRecordBuilder(layout);
    }

    /**
     * Draws a 16-byte nonce, then {@code blocks} indices with {@link RandomGenerator#nextInt(int)}.
     * Never exhausted. The block size is the record's, not the parameter's.
     *
     * @throws IllegalArgumentException if the record is not a merkle-challenge record
     */
    @Override
    public byte[] challenge(Parameters parameters, byte[] record, long round, RandomGenerator random) {
        MerkleRecord decoded = decodeRecord(record);
        byte[] nonce = new byte[MerkleChallenge.NONCE_LENGTH];
        random.nextBytes(nonce);
        int[] indices = new int[parameters.getInt("blocks")];
        for (int j = 0; j < indices.length; j++) {
            indices[j] = random.nextInt(decoded.layout().blockCount());
        }
        return new MerkleChallenge(decoded.layout().blockSize(), nonce, indices).encode();
    }

    /** @throws IllegalArgumentException if the challenge is malformed or names a block outside the shard */
    @Override
    public byte[] respond(Parameters parameters, byte[] challenge, ShardAccess shard) throws IOException {
        try {
            return MerkleResponder.respond(MerkleChallenge.decode(challenge), shard);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public AuditVerdict verify(Parameters parameters, byte[] record, byte[] challenge, byte[] response) {
        MerkleRecord decodedRecord;
        MerkleChallenge decodedChallenge;
        try {
            decodedRecord = MerkleRecord.decode(record);
            decodedChallenge = MerkleChallenge.decode(challenge);
        } catch (MalformedMessageException e) {
            return AuditVerdict.fail(e.getMessage());
        }
        BlockLayout layout = decodedRecord.layout();
        if (decodedChallenge.blockSize() != layout.blockSize()) {
            return AuditVerdict.fail("the challenge uses blocks of " + decodedChallenge.blockSize() + " bytes; the record "
                    + layout.blockSize());
        }
        for (int index : decodedChallenge.indices()) {
            if (index < 0 || index >= layout.blockCount()) {
                return AuditVerdict.fail("the challenge names block " + index + ", outside the record's " + layout.blockCount());
            }
        }
        return MerkleResponse.check(decodedRecord, decodedChallenge, response);
    }

    private static MerkleRecord decodeRecord(byte[] record) {
        try {
            return MerkleRecord.decode(record);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
