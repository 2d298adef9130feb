package org.peerlab.storage.sim.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.api.ReputationScore;
import org.peerlab.storage.api.ShardAccess;

/**
 * Small strategies for unit tests of the simulation itself (the real ones are tested with the
 * workloads in org.peerlab.sim.tests): an audit scheme whose answer depends only on the sampled
 * blocks (so detection is exactly 1 - (1 - f)^c), a reputation that disqualifies after a number
 * of failures, and a uniform placement.
 */
final class TestStrategies {

    private TestStrategies() {
    }

    /** Record: SHA-256 of every block; challenge: c block indices; answer: the hashes of those blocks. */
    static final class SampledHash implements AuditScheme {
        private static final StrategyDescriptor D = StrategyDescriptor.of(FAMILY, "sampled-hash", "test scheme",
                ParameterSpec.integer("block-size", "bytes per block", 64, 64, 1 << 20), ParameterSpec.integer("blocks", "c", 100, 1, 100_000));

        @Override
        public StrategyDescriptor descriptor() {
            return D;
        }

        @Override
        public AuditRecordBuilder recordBuilder(Parameters p, long shardLength, byte[] secret) {
            int size = p.getInt("block-size");
            int count = (int) ((shardLength + size - 1) / size);
            ByteBuffer record = ByteBuffer.allocate(8 + 32 * count).putInt(size).putInt(count);
            ByteBuffer pending = ByteBuffer.allocate(size);
            return new AuditRecordBuilder() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    for (int i = 0; i < length; i++) {
                        pending.put(bytes[offset + i]);
                        if (!pending.hasRemaining()) {
                            record.put(sha(pending.array(), size));
                            pending.clear();
                        }
                    }
                }

                @Override
                public byte[] finish() {
                    if (pending.position() > 0) {
                        record.put(sha(pending.array(), pending.position()));
                    }
                    return record.array();
                }
            };
        }

        @Override
        public byte[] challenge(Parameters p, byte[] record, long round, RandomGenerator random) {
            ByteBuffer r = ByteBuffer.wrap(record);
            int size = r.getInt();
            int count = r.getInt();
            int c = p.getInt("blocks");
            ByteBuffer out = ByteBuffer.allocate(8 + 4 * c).putInt(size).putInt(c);
            for (int j = 0; j < c; j++) {
                out.putInt(random.nextInt(count));
            }
            return out.array();
        }

        @Override
        public byte[] respond(Parameters p, byte[] challenge, ShardAccess shard) throws IOException {
            ByteBuffer ch = ByteBuffer.wrap(challenge);
            int size = ch.getInt();
            int c = ch.getInt();
            ByteBuffer out = ByteBuffer.allocate(32 * c);
            byte[] block = new byte[size];
            for (int j = 0; j < c; j++) {
                long at = (long) ch.getInt() * size;
                int length = (int) Math.min(size, shard.length() - at);
                shard.read(at, block, 0, length);
                out.put(sha(block, length));
            }
            return out.array();
        }

        @Override
        public AuditVerdict verify(Parameters p, byte[] record, byte[] challenge, byte[] response) {
            ByteBuffer ch = ByteBuffer.wrap(challenge);
            ch.getInt();
            int c = ch.getInt();
            for (int j = 0; j < c; j++) {
                int index = ch.getInt();
                if (!ByteBuffer.wrap(record, 8 + 32 * index, 32).equals(ByteBuffer.wrap(response, 32 * j, 32))) {
                    return AuditVerdict.fail("block " + index);
                }
            }
            return AuditVerdict.pass();
        }

        private static byte[] sha(byte[] bytes, int length) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update(bytes, 0, length);
                return d.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Disqualifies a node at its {@code strikes}-th failed audit; score = 1 - failures / strikes. */
    static final class Strikes implements ReputationScheme {
        private static final StrategyDescriptor D = StrategyDescriptor.of(FAMILY, "strikes", "test reputation",
                ParameterSpec.integer("strikes", "failures that disqualify", 3, 1, Integer.MAX_VALUE));

        @Override
        public StrategyDescriptor descriptor() {
            return D;
        }

        @Override
        public ReputationScore newScore(Parameters p) {
            return restore(p, new double[] { 0, 0 });
        }

        @Override
        public ReputationScore restore(Parameters p, double[] state) {
            long strikes = p.getLong("strikes");
            return new ReputationScore() {
                long failures = (long) state[0];
                long audits = (long) state[1];

                @Override
                public void record(boolean success) {
                    audits++;
                    if (!success) {
                        failures++;
                    }
                }

                @Override
                public double value() {
                    return Math.max(0, 1 - failures / (double) strikes);
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

    /** Distinct nodes drawn uniformly from the candidates with room. */
    static final class Uniform implements PlacementStrategy {
        private static final StrategyDescriptor D = StrategyDescriptor.of(FAMILY, "uniform", "test placement");

        @Override
        public StrategyDescriptor descriptor() {
            return D;
        }

        @Override
        public List<String> place(Parameters p, List<NodeCandidate> candidates, int count, long shardBytes, RandomGenerator random)
                throws PlacementException {
            List<NodeCandidate> ok = new ArrayList<>(candidates.stream().filter(c -> c.freeBytes() >= shardBytes).toList());
            if (ok.size() < count) {
                throw new PlacementException("need " + count + ", have " + ok.size());
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(ok.remove(random.nextInt(ok.size())).id());
            }
            return out;
        }
    }
}
