package org.peerlab.redundancy.replication.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.redundancy.api.CorruptShardException;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.redundancy.api.Shard;

/** Plain replication: r identical copies, any one of which restores the data (1-of-r). */
@Component(service = { RedundancyScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + RedundancyScheme.FAMILY, Strategy.NAME_PROPERTY + "=replication" })
public class ReplicationStrategy implements RedundancyScheme {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "replication",
            "Full copies: r identical shards, any one restores the data (storage overhead r)",
            ParameterSpec.integer("copies", "number of identical copies r", 3, 1, 256));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ErasureCodec newCodec(Parameters parameters) {
        return new ReplicationCodec(parameters.getInt("copies"));
    }

    private record ReplicationCodec(int copies) implements ErasureCodec {

        @Override
        public int requiredShards() {
            return 1;
        }

        @Override
        public int totalShards() {
            return copies;
        }

        @Override
        public List<Shard> encode(byte[] data) {
            List<Shard> shards = new ArrayList<>(copies);
            for (int i = 0; i < copies; i++) {
                shards.add(new Shard(i, data.clone()));
            }
            return shards;
        }

        @Override
        public byte[] decode(Collection<Shard> shards) throws InsufficientShardsException, CorruptShardException {
            byte[] first = null;
            for (Shard s : shards) {
                if (s.index() >= copies) {
                    throw new CorruptShardException("shard index " + s.index() + " is outside 0.." + (copies - 1));
                }
                if (first == null) {
                    first = s.data();
                } else if (!Arrays.equals(first, s.data())) {
                    throw new CorruptShardException("replica " + s.index() + " differs from the others");
                }
            }
            if (first == null) {
                throw new InsufficientShardsException(0, 1);
            }
            return first.clone();
        }
    }
}
