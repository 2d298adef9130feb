package org.peerlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void eventsFireInTimeOrderAndFifoAtTheSameInstant() {
        Simulator sim = new Simulator(1);
        List<String> log = new ArrayList<>();
        sim.schedule(30, () -> log.add("c@" + sim.now()));
        sim.schedule(10, () -> log.add("a@" + sim.now()));
        sim.schedule(10, () -> log.add("b@" + sim.now()));
        sim.schedule(20, () -> sim.schedule(0, () -> log.add("nested@" + sim.now())));
        assertTrue(sim.run());
        assertEquals(List.of("a@10", "b@10", "nested@20", "c@30"), log);
        assertEquals(5, sim.eventsFired());
    }

    @Test
    void manyRandomEventsComeOutSorted() {
        Simulator sim = new Simulator(1);
        Random r = new Random(7);
        long[] last = { -1 };
        int[] fired = { 0 };
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            timers.add(sim.schedule(r.nextInt(1000), () -> {
                assertTrue(sim.now() >= last[0]);
                last[0] = sim.now();
                fired[0]++;
            }));
        }
        int cancelled = 0;
        for (int i = 0; i < timers.size(); i += 3) {
            assertTrue(timers.get(i).cancel());
            cancelled++;
        }
        assertEquals(20_000 - cancelled, sim.eventsPending());
        sim.run();
        assertEquals(20_000 - cancelled, fired[0]);
        assertEquals(0, sim.eventsPending());
    }

    @Test
    void cancelledTimersNeverFireAndReportTheirState() {
        Simulator sim = new Simulator(1);
        boolean[] fired = { false };
        Timer t = sim.schedule(5, () -> fired[0] = true);
        assertTrue(t.pending());
        assertTrue(t.cancel());
        assertFalse(t.cancel());
        assertFalse(t.pending());
        Timer u = sim.schedule(7, () -> { });
        sim.run();
        assertFalse(fired[0]);
        assertFalse(u.pending());
        assertFalse(u.cancel());
        assertEquals(7, sim.now());
    }

    @Test
    void runUntilStopsTheClockAtTheLimitAndResumes() {
        Simulator sim = new Simulator(1);
        List<Long> times = new ArrayList<>();
        for (long t = 100; t <= 500; t += 100) {
            sim.at(t, () -> times.add(sim.now()));
        }
        assertTrue(sim.runUntil(250));
        assertEquals(250, sim.now());
        assertEquals(List.of(100L, 200L), times);
        sim.run();
        assertEquals(List.of(100L, 200L, 300L, 400L, 500L), times);
    }

    @Test
    void stopAndCancelEndTheRun() {
        Simulator sim = new Simulator(1);
        sim.schedule(1, sim::stop);
        sim.schedule(2, () -> { });
        assertFalse(sim.run());
        assertEquals(1, sim.now());
        assertEquals(1, sim.eventsPending());
        sim.schedule(1, sim::cancel);
        assertFalse(sim.run());
        assertTrue(sim.cancelled());
    }

    @Test
    void thePastAndNegativeDelaysAreRefused() {
        Simulator sim = new Simulator(1);
        sim.schedule(10, () -> { });
        sim.run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.at(5, () -> { }));
        assertTrue(e.getMessage().contains("before now"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> { }));
    }
}
