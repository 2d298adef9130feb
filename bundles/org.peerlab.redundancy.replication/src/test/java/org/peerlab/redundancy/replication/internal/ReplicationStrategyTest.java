package org.peerlab.redundancy.replication.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.redundancy.api.CorruptShardException;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.Shard;

class ReplicationStrategyTest {

    private final ReplicationStrategy strategy = new ReplicationStrategy();

    @Test
    void anySingleCopyRestoresTheData() throws Exception {
        ErasureCodec codec = strategy.newCodec(strategy.descriptor().bind(Map.of("copies", "4")));
        byte[] data = "replicated".getBytes();
        List<Shard> shards = codec.encode(data);
        assertEquals(4, shards.size());
        assertEquals(1, codec.requiredShards());
        for (Shard s : shards) {
            assertArrayEquals(data, codec.decode(List.of(s)));
        }
        assertArrayEquals(new byte[0], codec.decode(codec.encode(new byte[0]).subList(2, 3)));
    }

    @Test
    void noShardsOrDisagreeingShardsFail() {
        ErasureCodec codec = strategy.newCodec(strategy.descriptor().defaults());
        assertThrows(InsufficientShardsException.class, () -> codec.decode(List.of()));
        assertThrows(CorruptShardException.class, () -> codec.decode(List.of(new Shard(0, new byte[] { 1 }), new Shard(1, new byte[] { 2 }))));
        assertThrows(CorruptShardException.class, () -> codec.decode(List.of(new Shard(7, new byte[] { 1 }))));
    }

    @Test
    void copiesAreValidated() {
        assertThrows(InvalidParameterException.class, () -> strategy.descriptor().bind(Map.of("copies", "0")));
    }
}
