package org.peerlab.storage.strategies.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;

class PlacementTest {

    private static final long SHARD = 1_258_291; // 1.2 MiB

    private final RandomPlacement random = new RandomPlacement();
    private final ReputationWeightedPlacement weighted = new ReputationWeightedPlacement();

    /** 40 nodes: even ones have room, every fourth has a reputation below 0.5. */
    private static List<NodeCandidate> nodes() {
        List<NodeCandidate> nodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nodes.add(new NodeCandidate("n" + i, i % 4 == 0 ? 0.3 : 0.5 + i / 100.0, i % 2 == 0 ? 2 * SHARD : SHARD - 1));
        }
        return nodes;
    }

    private static List<String> place(PlacementStrategy s, List<NodeCandidate> nodes, int count, long seed) throws PlacementException {
        return s.place(s.descriptor().defaults(), nodes, count, SHARD, new SplittableRandom(seed));
    }

    @Test
    void bothChooseDistinctNodesWithRoomDeterministically() throws Exception {
        Map<String, NodeCandidate> byId = new HashMap<>();
        nodes().forEach(n -> byId.put(n.id(), n));
        for (PlacementStrategy s : List.of(random, weighted)) {
            for (long seed = 0; seed < 50; seed++) {
                List<String> chosen = place(s, nodes(), 10, seed);
                assertEquals(10, chosen.size());
                assertEquals(10, new HashSet<>(chosen).size(), "distinct: " + chosen);
                for (String id : chosen) {
                    assertTrue(byId.get(id).freeBytes() >= SHARD, id + " has no room");
                    if (s == weighted) {
                        assertTrue(byId.get(id).reputation() >= 0.5, id + " is not reputable enough");
                    }
                }
                assertEquals(chosen, place(s, nodes(), 10, seed));
            }
            assertEquals(List.of(), place(s, nodes(), 0, 1));
        }
    }

    @Test
    void tooFewQualifyingNodesIsAnErrorSayingHowMany() {
        PlacementException r = assertThrows(PlacementException.class, () -> place(random, nodes(), 21, 1));
        assertEquals("need 21 nodes with 1.2 MiB free; only 20 of 40 qualify", r.getMessage());
        PlacementException w = assertThrows(PlacementException.class, () -> place(weighted, nodes(), 20, 1));
        assertEquals("need 20 nodes with 1.2 MiB free and reputation >= 0.5; only 10 of 40 qualify", w.getMessage());
        assertEquals(10, assertThrowsNothing(() -> place(weighted, nodes(), 10, 1)).size());
    }

    private static List<String> assertThrowsNothing(ThrowingSupplier supplier) {
        try {
            return supplier.get();
        } catch (PlacementException e) {
            throw new AssertionError(e);
        }
    }

    private interface ThrowingSupplier {
        List<String> get() throws PlacementException;
    }

    @Test
    void badArgumentsAreRejected() {
        List<NodeCandidate> twice = List.of(new NodeCandidate("a", 1, 10), new NodeCandidate("a", 1, 10));
        assertThrows(IllegalArgumentException.class, () -> random.place(random.descriptor().defaults(), twice, 1, 1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> place(random, nodes(), -1, 1));
        assertEquals("512 B", EligibleNodes.formatBytes(512));
        assertEquals("1.0 KiB", EligibleNodes.formatBytes(1024));
        assertEquals("128.0 MiB", EligibleNodes.formatBytes(128L << 20));
    }

    /** Two eligible nodes: reputation 1.0 versus 0.6, weight 1 versus 0.6^4 = 0.1296, so P(first) = 1 / 1.1296. */
    @Test
    void weightedFavoursHigherReputation() throws Exception {
        List<NodeCandidate> nodes = List.of(new NodeCandidate("good", 1.0, SHARD), new NodeCandidate("fair", 0.6, SHARD));
        SplittableRandom seeded = new SplittableRandom(77);
        Parameters p = weighted.descriptor().defaults();
        int draws = 20_000;
        int good = 0;
        for (int i = 0; i < draws; i++) {
            if (weighted.place(p, nodes, 1, SHARD, seeded).get(0).equals("good")) {
                good++;
            }
        }
        double pGood = 1 / (1 + Math.pow(0.6, 4));
        double bound = 3.2905 * Math.sqrt(draws * pGood * (1 - pGood));
        assertTrue(Math.abs(good - draws * pGood) <= bound, good + " of " + draws + ", expected " + draws * pGood);
        int uniformGood = 0;
        for (int i = 0; i < draws; i++) {
            if (random.place(random.descriptor().defaults(), nodes, 1, SHARD, seeded).get(0).equals("good")) {
                uniformGood++;
            }
        }
        assertTrue(Math.abs(uniformGood - draws / 2.0) <= 3.2905 * Math.sqrt(draws / 4.0), uniformGood + " of " + draws);
    }
}
