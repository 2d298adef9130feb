package org.peerlab.storage.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepairPlannerTest {

    private static List<ShardHealth> shards(int n, int... bad) {
        List<ShardHealth> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean healthy = true;
            for (int b : bad) {
                healthy &= b != i;
            }
            list.add(new ShardHealth(i, "node" + i, healthy));
        }
        return list;
    }

    @Test
    void nothingToDoAtOrAboveTheThreshold() {
        RepairPlanner p = new RepairPlanner(8, 20, 14);
        assertFalse(p.plan(shards(20)).needed());
        assertFalse(p.plan(shards(20, 0, 1, 2, 3, 4, 5)).needed(), "14 healthy is at the threshold");
    }

    @Test
    void belowTheThresholdReadsKAndRebuildsEveryUnhealthyShard() {
        RepairPlanner p = new RepairPlanner(8, 20, 14);
        RepairPlanner.Plan plan = p.plan(shards(20, 0, 1, 2, 3, 4, 5, 19));
        assertTrue(plan.needed());
        assertFalse(plan.lost());
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13), plan.sources());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 19), plan.rebuild());
    }

    @Test
    void fewerThanKHealthyIsLostAndMissingEntriesCountAsUnhealthy() {
        RepairPlanner p = new RepairPlanner(8, 20, 14);
        List<ShardHealth> seven = shards(20).subList(0, 7);
        RepairPlanner.Plan plan = p.plan(seven);
        assertTrue(plan.lost());
        assertEquals(13, plan.rebuild().size());
        List<ShardHealth> noNode = new ArrayList<>(shards(20));
        for (int i = 0; i < 13; i++) {
            noNode.set(i, new ShardHealth(i, null, true));
        }
        assertTrue(p.plan(noNode).lost(), "a shard without a node is not healthy");
    }

    @Test
    void aDisqualifiedHolderIsRepairedAtOnceAboveTheThreshold() {
        RepairPlanner p = new RepairPlanner(8, 20, 14);
        List<ShardHealth> oneBad = shards(20, 4);
        assertFalse(p.plan(oneBad).needed());
        RepairPlanner.Plan now = p.plan(oneBad, true);
        assertTrue(now.needed());
        assertEquals(List.of(4), now.rebuild());
        assertEquals(8, now.sources().size());
        assertFalse(p.plan(shards(20), true).needed(), "nothing unhealthy, nothing to do");
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new RepairPlanner(8, 20, 8));
        assertThrows(IllegalArgumentException.class, () -> new RepairPlanner(8, 20, 21));
        assertThrows(IllegalArgumentException.class, () -> new RepairPlanner(8, 20, 14).plan(List.of(new ShardHealth(20, "x", true))));
        assertEquals(14, RepairPlanner.defaultThreshold(8, 20));
        assertEquals(2, RepairPlanner.defaultThreshold(1, 3));
    }
}
