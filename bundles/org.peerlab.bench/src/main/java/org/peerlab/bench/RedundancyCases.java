package org.peerlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.redundancy.api.Shard;

/**
 * Benchmark cases for redundancy codecs: encode, and decode with the most shards missing that
 * the code allows (n-k, data shards first, so that the most reconstruction work is needed).
 * Codecs with {@code data-shards} and {@code total-shards} parameters are also run as 10-of-14.
 */
final class RedundancyCases {

    static final int DATA_BYTES = 8 << 20;

    private RedundancyCases() {
    }

    static List<BenchCase> of(RedundancyScheme scheme) {
        List<Parameters> configs = new ArrayList<>();
        configs.add(scheme.descriptor().defaults());
        if (scheme.descriptor().parameter("data-shards").isPresent() && scheme.descriptor().parameter("total-shards").isPresent()) {
            configs.add(scheme.descriptor().bind(Map.of("data-shards", "10", "total-shards", "14")));
        }
        byte[] data = new byte[DATA_BYTES];
        new Random(1).nextBytes(data);
        List<BenchCase> cases = new ArrayList<>();
        for (Parameters p : configs) {
            ErasureCodec codec = scheme.newCodec(p);
            String geometry = codec.requiredShards() + "-of-" + codec.totalShards();
            List<Shard> shards = codec.encode(data);
            List<Shard> survivors = shards.subList(codec.totalShards() - codec.requiredShards(), codec.totalShards());
            String name = scheme.descriptor().name();
            cases.add(new BenchCase(RedundancyScheme.FAMILY, name, "encode", geometry + ", 8MiB", "MB/s", DATA_BYTES / 1e6,
                    () -> codec.encode(data)));
            cases.add(new BenchCase(RedundancyScheme.FAMILY, name, "decode", geometry + ", " + (codec.totalShards() - codec.requiredShards())
                    + " missing, 8MiB", "MB/s", DATA_BYTES / 1e6, () -> {
                        try {
                            if (codec.decode(survivors).length != DATA_BYTES) {
                                throw new IllegalStateException(name + " decoded the wrong length");
                            }
                        } catch (InsufficientShardsException e) {
                            throw new IllegalStateException(name + " could not decode " + geometry + ": " + e.getMessage(), e);
                        }
                    }));
        }
        return cases;
    }
}
