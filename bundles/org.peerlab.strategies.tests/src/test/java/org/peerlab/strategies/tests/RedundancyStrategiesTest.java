package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.redundancy.reedsolomon.internal.ReedSolomonStrategy;
import org.peerlab.redundancy.replication.internal.ReplicationStrategy;
import org.peerlab.strategies.testkit.RedundancyContractTest;

/** The redundancy contract for each implementation; exhaustive and random erasure patterns for Reed-Solomon. */
class RedundancyStrategiesTest {

    @Nested
    class Replication extends RedundancyContractTest {
        @Override
        protected RedundancyScheme scheme() {
            return new ReplicationStrategy();
        }

        @Test
        void copiesAreValidated() {
            assertThrows(InvalidParameterException.class, () -> scheme().descriptor().bind(Map.of("copies", "0")));
        }
    }

    @Nested
    class ReedSolomon extends RedundancyContractTest {
        @Override
        protected RedundancyScheme scheme() {
            return new ReedSolomonStrategy();
        }

        ErasureCodec codec(int k, int n) {
            return scheme().newCodec(scheme().descriptor().bind(Map.of("data-shards", "" + k, "total-shards", "" + n)));
        }

        @Test
        void defaultIsTheStorageSeeds8Of20() {
            assertEquals(8, codec().requiredShards());
            assertEquals(20, codec().totalShards());
        }

        @Test
        void everyErasurePatternOfSmallCodes() throws Exception {
            int patterns = 0;
            long expected = 0;
            for (int[] kn : new int[][] { { 1, 2 }, { 1, 4 }, { 2, 3 }, { 2, 5 }, { 3, 6 }, { 4, 7 }, { 5, 9 }, { 6, 12 } }) {
                ErasureCodec c = codec(kn[0], kn[1]);
                for (int j = kn[0]; j <= kn[1]; j++) {
                    expected += binomial(kn[1], j);
                }
                byte[] d = data(997); // not divisible by any k here
                List<Shard> shards = c.encode(d);
                for (int mask = 0; mask < 1 << kn[1]; mask++) {
                    List<Shard> subset = new ArrayList<>();
                    for (int i = 0; i < kn[1]; i++) {
                        if ((mask & (1 << i)) != 0) {
                            subset.add(shards.get(i));
                        }
                    }
                    if (subset.size() >= kn[0]) {
                        assertArrayEquals(d, c.decode(subset), kn[0] + "-of-" + kn[1] + " with shards " + Integer.toBinaryString(mask));
                        patterns++;
                    } else {
                        List<Shard> few = subset;
                        assertThrows(InsufficientShardsException.class, () -> c.decode(few));
                    }
                }
            }
            assertEquals(expected, patterns, "every sufficient subset was decoded");
        }

        private static long binomial(int n, int k) {
            long r = 1;
            for (int i = 1; i <= k; i++) {
                r = r * (n - k + i) / i;
            }
            return r;
        }

        @Test
        void randomErasurePatternsOf8Of20() throws Exception {
            ErasureCodec c = codec();
            byte[] d = data(100_003);
            List<Shard> shards = c.encode(d);
            for (int round = 0; round < 300; round++) {
                List<Shard> pick = new ArrayList<>(shards);
                Collections.shuffle(pick, random);
                int keep = 8 + random.nextInt(13);
                assertArrayEquals(d, c.decode(pick.subList(0, keep)), "round " + round + ", " + keep + " shards");
            }
        }

        @Test
        void tenOfFourteenAndTheLimits() throws Exception {
            ErasureCodec c = codec(10, 14);
            byte[] d = data(4096);
            assertArrayEquals(d, c.decode(c.encode(d).subList(4, 14)), "all four data-shard losses repaired");
            ErasureCodec wide = codec(128, 256);
            assertArrayEquals(d, wide.decode(wide.encode(d).subList(128, 256)));
        }

        @Test
        void kMustBeBelowN() {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> codec(20, 20));
            assertTrue(e.getMessage().contains("data-shards (20) must be smaller than total-shards (20)"), e.getMessage());
            assertThrows(InvalidParameterException.class, () -> codec(8, 257));
        }

        @Test
        void shardsOfAnotherGeometryAreExcluded() {
            List<Shard> other = codec(4, 8).encode(data(100));
            InsufficientShardsException e = assertThrows(InsufficientShardsException.class, () -> codec(4, 9).decode(other));
            assertTrue(e.getMessage().contains("as 4-of-8, expected codec 2 as 4-of-9"), e.getMessage());
        }
    }
}
