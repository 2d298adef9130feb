package org.peerlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class HarnessTest {

    @Test
    void ratesAndLatenciesFromCounts() {
        BenchCase rate = new BenchCase("aead", "x", "seal", "chunk=1MiB", "MB/s", 1.048576, () -> { });
        BenchCase latency = new BenchCase("kdf", "y", "derive", "", "ms/derivation", 1, () -> { });
        assertEquals(104.8576, Harness.figure(rate, 100, 1_000_000_000L), 1e-9);
        assertEquals(20.0, Harness.figure(latency, 50, 1_000_000_000L), 1e-9);
    }

    @Test
    void summaryUsesStudentT() {
        BenchCase c = new BenchCase("f", "s", "op", "", "ops/s", 1, () -> { });
        Measurement m = Harness.summarize(c, new double[] { 10, 12, 14 }, 30);
        assertEquals(12, m.mean(), 1e-12);
        assertEquals(2, m.stdDev(), 1e-12);
        assertEquals(4.302652729911275 * 2 / Math.sqrt(3), m.ci95(), 1e-9); // t(0.975, 2 df)
    }

    @Test
    void warmUpAndIterationsAreInterleavedAndEveryIterationRunsTheOperation() {
        List<String> order = new ArrayList<>();
        AtomicLong a = new AtomicLong();
        BenchCase ca = new BenchCase("f", "a", "op", "", "ops/s", 1, () -> { a.incrementAndGet(); order.add("a"); });
        BenchCase cb = new BenchCase("f", "b", "op", "", "ops/s", 1, () -> order.add("b"));
        List<String> progress = new ArrayList<>();
        List<Measurement> ms = new Harness(new BenchSettings(1, 2, 1, Set.of(), Set.of()), progress::add).measure(List.of(ca, cb));
        assertEquals(2, ms.size());
        assertTrue(a.get() >= 3, "1 warm-up + 2 measured iterations, each at least one operation");
        assertEquals("a", order.get(0));
        assertTrue(order.indexOf("b") < order.lastIndexOf("a"), "b's first iteration precedes a's last one: " + order);
        assertEquals(2, progress.size());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new BenchSettings(0, 1, 10, Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new BenchSettings(-1, 3, 10, Set.of(), Set.of()));
    }
}
