package org.peerlab.redundancy.reedsolomon.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.redundancy.api.ShardHeader;
import org.peerlab.redundancy.api.ShardSelection;

import com.backblaze.erasure.ReedSolomon;

/**
 * Systematic Reed-Solomon over GF(2^8) from Backblaze's JavaReedSolomon: k data shards and n-k
 * parity shards, any k of which restore the data. Defaults to the storage seed's 8-of-20.
 */
@Component(service = { RedundancyScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + RedundancyScheme.FAMILY, Strategy.NAME_PROPERTY + "=reed-solomon" })
public class ReedSolomonStrategy implements RedundancyScheme {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "reed-solomon",
            "Reed-Solomon erasure code (JavaReedSolomon): n shards, any k restore the data (overhead n/k)",
            ParameterSpec.integer("data-shards", "k, shards needed to decode", 8, 1, 255),
            ParameterSpec.integer("total-shards", "n, shards made (k < n)", 20, 2, 256));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ErasureCodec newCodec(Parameters parameters) {
        int k = parameters.getInt("data-shards");
        int n = parameters.getInt("total-shards");
        if (k >= n) {
            throw new InvalidParameterException(DESCRIPTOR.key(),
                    List.of("data-shards (" + k + ") must be smaller than total-shards (" + n + ")"));
        }
        return new Codec(k, n);
    }

    /** A k-of-n codec; the Backblaze coder is immutable, so this is thread-safe. */
    static final class Codec implements ErasureCodec {
        private final int k;
        private final int n;
        private final ReedSolomon coder;

        Codec(int k, int n) {
            this.k = k;
            this.n = n;
            this.coder = ReedSolomon.create(k, n - k);
        }

        @Override
        public int requiredShards() {
            return k;
        }

        @Override
        public int totalShards() {
            return n;
        }

        @Override
        public List<Shard> encode(byte[] data) {
            int size = (data.length + k - 1) / k;
            byte[][] shards = new byte[n][size];
            for (int i = 0; i < k; i++) {
                int from = i * size;
                int len = Math.min(size, data.length - from);
                if (len > 0) {
                    System.arraycopy(data, from, shards[i], 0, len);
                }
            }
            if (size > 0) {
                coder.encodeParity(shards, 0, size);
            }
            List<Shard> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new ShardHeader(ShardHeader.REED_SOLOMON, k, n, i, data.length).wrap(shards[i]));
            }
            return out;
        }

        @Override
        public byte[] decode(Collection<Shard> offered) throws InsufficientShardsException {
            ShardSelection intact = new ShardSelection(offered, ShardHeader.REED_SOLOMON, k, n);
            intact.requireAtLeast(k);
            long length = intact.originalLength();
            int size = (int) ((length + k - 1) / k);
            byte[][] shards = new byte[n][];
            boolean[] present = new boolean[n];
            boolean allData = true;
            List<String> excluded = new ArrayList<>(intact.excluded());
            int usable = 0;
            for (Map.Entry<Integer, byte[]> e : intact.payloads().entrySet()) {
                if (e.getValue().length != size) {
                    excluded.add("shard " + e.getKey() + ": payload of " + e.getValue().length + " bytes, expected " + size);
                    continue;
                }
                shards[e.getKey()] = e.getValue();
                present[e.getKey()] = true;
                usable++;
            }
            if (usable < k) {
                throw new InsufficientShardsException(usable, k, excluded);
            }
            for (int i = 0; i < n; i++) {
                if (shards[i] == null) {
                    shards[i] = new byte[size];
                    allData &= i >= k;
                }
            }
            if (!allData && size > 0) {
                coder.decodeMissing(shards, present, 0, size);
            }
            byte[] out = new byte[(int) length];
            for (int i = 0; i < k; i++) {
                int from = i * size;
                int len = Math.min(size, out.length - from);
                if (len > 0) {
                    System.arraycopy(shards[i], 0, out, from, len);
                }
            }
            return out;
        }
    }
}
