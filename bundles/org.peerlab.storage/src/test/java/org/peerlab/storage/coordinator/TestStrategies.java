package org.peerlab.storage.coordinator;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.api.ReputationScore;
import org.peerlab.storage.api.ShardAccess;

/**
 * Test doubles of the storage strategy families, small enough to reason about in a test (the real
 * ones live in org.peerlab.storage.strategies), and a fixed registry holding them.
 */
final class TestStrategies implements StrategyRegistry {

    private final List<RegisteredStrategy> all = new ArrayList<>();

    TestStrategies(Strategy... strategies) {
        for (Strategy s : strategies) {
            all.add(new RegisteredStrategy(s.descriptor(), "test", "0", s));
        }
    }

    /** @return first-fit placement, strike-out reputation after {@code strikes} failures, copy audits */
    static TestStrategies doubles(int strikes) {
        return new TestStrategies(new FirstFitPlacementDouble(), new StrikeReputationDouble(strikes), new CopyAuditDouble());
    }

    @Override
    public List<RegisteredStrategy> all() {
        return all;
    }

    @Override
    public AutoCloseable addListener(StrategyListener listener) {
        return () -> {
        };
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test double: the first {@code count} candidates with enough free space, in candidate order. */
    static final class FirstFitPlacementDouble implements PlacementStrategy {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "first-fit", "test double: first candidates with room",
                    ParameterSpec.decimal("min-reputation", "least reputation", 0.5, 0, 1));
        }

        @Override
        public List<String> place(Parameters p, List<NodeCandidate> candidates, int count, long shardBytes, RandomGenerator random)
                throws PlacementException {
            List<String> ids = candidates.stream().filter(c -> c.freeBytes() >= shardBytes && c.reputation() >= p.getDouble("min-reputation"))
                    .map(NodeCandidate::id).toList();
            if (ids.size() < count) {
                throw new PlacementException("only " + ids.size() + " qualify");
            }
            return ids.subList(0, count);
        }
    }

    /** Test double: score 1 - failures/strikes; disqualified at {@code strikes} failures. State: failures, audits. */
    static final class StrikeReputationDouble implements ReputationScheme {
        private final int strikes;

        StrikeReputationDouble(int strikes) {
            this.strikes = strikes;
        }

        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "strikes", "test double: disqualified after a number of failures");
        }

        @Override
        public ReputationScore newScore(Parameters parameters) {
            return restore(parameters, new double[] { 0, 0 });
        }

        @Override
        public ReputationScore restore(Parameters parameters, double[] state) {
            if (state.length != 2) {
                throw new IllegalArgumentException("strikes state has 2 values, got " + state.length);
            }
            return new ReputationScore() {
                long failures = (long) state[0];
                long audits = (long) state[1];

                @Override
                public void record(boolean success) {
                    audits++;
                    failures += success ? 0 : 1;
                }

                @Override
                public double value() {
                    return Math.max(0, 1 - (double) failures / strikes);
                }

                @Override
                public boolean disqualified() {
                    return failures >= strikes;
                }

                @Override
                public long audits() {
                    return audits;
                }

                @Override
                public double[] state() {
                    return new double[] { failures, audits };
                }
            };
        }
    }

    /**
     * Test double of a proof of retrievability: the record is a full copy of the shard, a challenge
     * 8 random bytes, the answer SHA-256(challenge || shard).
     */
    static final class CopyAuditDouble implements AuditScheme {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "copy", "test double: the verifier keeps a copy",
                    ParameterSpec.integer("block-size", "unused", 1024, 1, 1 << 20), ParameterSpec.integer("blocks", "unused", 460, 1, 10_000));
        }

        @Override
        public AuditRecordBuilder recordBuilder(Parameters parameters, long shardLength, byte[] secret) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            return new AuditRecordBuilder() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    b.write(bytes, offset, length);
                }

                @Override
                public byte[] finish() {
                    return b.toByteArray();
                }
            };
        }

        @Override
        public byte[] challenge(Parameters parameters, byte[] record, long round, RandomGenerator random) {
            if (record.length == 0) {
                throw new IllegalArgumentException("empty copy record");
            }
            byte[] c = new byte[8];
            random.nextBytes(c);
            return c;
        }

        @Override
        public byte[] respond(Parameters parameters, byte[] challenge, ShardAccess shard) throws IOException {
            byte[] all = new byte[(int) shard.length()];
            shard.read(0, all, 0, all.length);
            return sha256(challenge, all);
        }

        @Override
        public AuditVerdict verify(Parameters parameters, byte[] record, byte[] challenge, byte[] response) {
            return MessageDigest.isEqual(sha256(challenge, record), response) ? AuditVerdict.pass() : AuditVerdict.fail("hash differs");
        }
    }
}
