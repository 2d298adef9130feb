package org.peerlab.storage.net.coordinator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.redundancy.api.ShardHeader;
import org.peerlab.redundancy.api.ShardSelection;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.AuditVerdict;
import org.peerlab.storage.api.ShardAccess;

/** Test doubles for the repair worker's strategies (the real ones are not on this bundle's test class path) and a registry of them. */
final class RepairDoubles implements StrategyRegistry {

    private final List<RegisteredStrategy> all = new ArrayList<>();

    RepairDoubles(Strategy... strategies) {
        for (Strategy s : strategies) {
            all.add(new RegisteredStrategy(s.descriptor(), "test", "0", s));
        }
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

    /**
     * Test double of an erasure code: 2-of-n over GF(2^8). Piece 0 is the first half of the data,
     * piece 1 the second, piece i >= 2 is A + i·B; any two pieces give A and B back.
     */
    static final class PairCode implements RedundancyScheme {
        static final int CODEC = 251;
        private static final int[] EXP = new int[512];
        private static final int[] LOG = new int[256];

        static {
            int x = 1;
            for (int i = 0; i < 255; i++) {
                EXP[i] = x;
                LOG[x] = i;
                x <<= 1;
                if ((x & 0x100) != 0) {
                    x ^= 0x11d;
                }
            }
            for (int i = 255; i < 512; i++) {
                EXP[i] = EXP[i - 255];
            }
        }

        static int mul(int a, int b) {
            return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
        }

        static int div(int a, int b) {
            return a == 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
        }

        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "pair-code", "test double: 2-of-n code over GF(256)",
                    ParameterSpec.integer("total-shards", "n", 4, 2, 200));
        }

        @Override
        public ErasureCodec newCodec(Parameters parameters) {
            int n = parameters.getInt("total-shards");
            return new ErasureCodec() {
                @Override
                public int requiredShards() {
                    return 2;
                }

                @Override
                public int totalShards() {
                    return n;
                }

                @Override
                public List<Shard> encode(byte[] data) {
                    int half = (data.length + 1) / 2;
                    List<Shard> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        byte[] p = new byte[half];
                        for (int j = 0; j < half; j++) {
                            int a = data[j] & 0xff;
                            int b = half + j < data.length ? data[half + j] & 0xff : 0;
                            p[j] = (byte) (i == 0 ? a : i == 1 ? b : a ^ mul(i, b));
                        }
                        out.add(new ShardHeader(CODEC, 2, n, i, data.length).wrap(p));
                    }
                    return out;
                }

                @Override
                public byte[] decode(Collection<Shard> shards) throws InsufficientShardsException {
                    ShardSelection s = new ShardSelection(shards, CODEC, 2, n);
                    s.requireAtLeast(2);
                    Iterator<Map.Entry<Integer, byte[]>> it = s.payloads().entrySet().iterator();
                    Map.Entry<Integer, byte[]> x = it.next();
                    Map.Entry<Integer, byte[]> y = it.next();
                    int i = x.getKey();
                    int j = y.getKey();
                    int half = x.getValue().length;
                    byte[] out = new byte[(int) s.originalLength()];
                    for (int t = 0; t < half; t++) {
                        int pi = x.getValue()[t] & 0xff;
                        int pj = y.getValue()[t] & 0xff;
                        int a;
                        int b;
                        if (i == 0) {
                            a = pi;
                            b = j == 1 ? pj : div(pj ^ a, j);
                        } else if (i == 1) {
                            b = pi;
                            a = pj ^ mul(j, b);
                        } else {
                            b = div(pi ^ pj, i ^ j);
                            a = pi ^ mul(i, b);
                        }
                        out[t] = (byte) a;
                        if (half + t < out.length) {
                            out[half + t] = (byte) b;
                        }
                    }
                    return out;
                }
            };
        }
    }

    /** Test double of an AEAD: only its tag length matters to the repair worker, which never decrypts. */
    static final class Tag16 implements Aead {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "tag16", "test double: an AEAD with a 16-byte tag");
        }

        @Override
        public int keyLength() {
            return 32;
        }

        @Override
        public int nonceLength() {
            return 12;
        }

        @Override
        public int tagLength() {
            return 16;
        }

        @Override
        public AeadCipher newCipher(Secret key) {
            throw new UnsupportedOperationException("the repair worker never decrypts");
        }
    }

    /** Test double of a proof of retrievability: the record is a full copy of the shard. */
    static final class CopyAudit implements AuditScheme {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "copy", "test double: the verifier keeps a copy");
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
            return new byte[] { 1 };
        }

        @Override
        public byte[] respond(Parameters parameters, byte[] challenge, ShardAccess shard) {
            return new byte[0];
        }

        @Override
        public AuditVerdict verify(Parameters parameters, byte[] record, byte[] challenge, byte[] response) {
            return AuditVerdict.pass();
        }
    }
}
