package org.peerlab.storage.sim.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.ShardAccess;

/**
 * The verifier's records of the distinct synthetic shards, built for real with the audit
 * scheme's {@link AuditScheme#recordBuilder} over the shard's bytes, one per shard and
 * <em>generation</em>: a precomputed scheme that runs out of challenges for a node gets a new
 * record (a re-upload, with a new secret) and the node continues with generation + 1.
 *
 * <p>It also answers for nodes whose shard is intact. {@link AuditScheme#respond} is a pure
 * function of the challenge and the shard's bytes, so the answer of an intact shard to a given
 * challenge is computed once, for real, and reused for every node that holds the same content
 * and receives the same challenge (precomputed schemes hand the same challenge of a round to
 * every holder of a record). Damaged shards always answer through the scheme. Not thread-safe.
 */
final class ShardRecords {

    private static final int FEED_BYTES = 1 << 16;
    private static final int MEMO_CAP = 1 << 15;

    private final AuditScheme scheme;
    private final Parameters parameters;
    private final long shardLength;
    private final long[] contentSeeds;
    private final long secretSeed;
    private final Map<Long, byte[]> records = new HashMap<>();
    private final Map<Answer, byte[]> answers = new HashMap<>();
    private long built;
    private long computedAnswers;

    /**
     * @param contentSeeds one content seed per distinct shard
     * @param secretSeed   where the verifier's per-record secrets come from
     */
    ShardRecords(AuditScheme scheme, Parameters parameters, long shardLength, long[] contentSeeds, long secretSeed) {
        this.scheme = scheme;
        this.parameters = parameters;
        this.shardLength = shardLength;
        this.contentSeeds = contentSeeds.clone();
        this.secretSeed = secretSeed;
    }

    /** @return the content of distinct shard {@code shard} */
    SyntheticContent content(int shard) {
        return new SyntheticContent(contentSeeds[shard], shardLength);
    }

    /** @return the record of {@code shard} in {@code generation}, built on first use */
    byte[] record(int shard, int generation) {
        long key = (long) shard << 32 | generation;
        byte[] r = records.get(key);
        if (r == null) {
            r = build(shard, generation);
            records.put(key, r);
        }
        return r;
    }

    /** @return the answer of an intact copy of {@code shard} to {@code challenge} */
    byte[] intactAnswer(int shard, byte[] challenge) throws IOException {
        Answer key = new Answer(shard, challenge);
        byte[] response = answers.get(key);
        if (response == null) {
            response = scheme.respond(parameters, challenge, access(shard));
            computedAnswers++;
            if (answers.size() >= MEMO_CAP) {
                answers.clear(); // schemes with fresh random challenges never repeat; do not hoard them
            }
            answers.put(key, response);
        }
        return response;
    }

    /** @return records built so far (distinct shards times generations) */
    long built() {
        return built;
    }

    /** @return answers of intact shards computed through the scheme (the rest were reused) */
    long computedAnswers() {
        return computedAnswers;
    }

    /** @return read access to an intact copy of {@code shard} */
    ShardAccess access(int shard) {
        return new NodeShard(content(shard), 1, null, false, 0);
    }

    private byte[] build(int shard, int generation) {
        byte[] secret = new byte[32];
        long[] state = { secretSeed ^ SplitMix.mix(shard * 0x100000001L + generation) };
        for (int i = 0; i < secret.length; i += 8) {
            long word = SplitMix.next(state, 0);
            for (int j = 0; j < 8; j++) {
                secret[i + j] = (byte) (word >>> (j << 3));
            }
        }
        AuditRecordBuilder builder = scheme.recordBuilder(parameters, shardLength, secret);
        SyntheticContent content = content(shard);
        byte[] chunk = new byte[(int) Math.min(FEED_BYTES, shardLength)];
        for (long at = 0; at < shardLength; at += chunk.length) {
            int n = (int) Math.min(chunk.length, shardLength - at);
            content.fill(at, chunk, 0, n);
            builder.update(chunk, 0, n);
        }
        built++;
        return builder.finish();
    }

    /** A challenge to one distinct shard, compared by content. */
    private record Answer(int shard, byte[] challenge) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Answer a && a.shard == shard && Arrays.equals(a.challenge, challenge);
        }

        @Override
        public int hashCode() {
            return 31 * shard + Arrays.hashCode(challenge);
        }
    }
}
