package org.peerlab.redundancy.replication.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.service.component.annotations.Component;
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

/** Plain replication: r identical copies, any one intact copy restores the data (1-of-r). */
@Component(service = { RedundancyScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + RedundancyScheme.FAMILY, Strategy.NAME_PROPERTY + "=replication" })
public class ReplicationStrategy implements RedundancyScheme {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "replication",
            "Full copies: r identical shards, any one intact copy restores the data (storage overhead r)",
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
                shards.add(new ShardHeader(ShardHeader.REPLICATION, 1, copies, i, data.length).wrap(data));
            }
            return shards;
        }

        @Override
        public byte[] decode(Collection<Shard> shards) throws InsufficientShardsException {
            ShardSelection intact = new ShardSelection(shards, ShardHeader.REPLICATION, 1, copies);
            intact.requireAtLeast(1);
            return intact.payloads().values().iterator().next();
        }
    }
}
