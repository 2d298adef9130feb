package org.peerlab.ui.internal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThroughputBinsTest {

    private static final long MS = 1_000_000L;

    /** One flow delivering a 256 KiB piece every {@code gapMs}, as the transfer workload reports. */
    private static ThroughputBins steady(int pieces, double gapMs) {
        ThroughputBins bins = new ThroughputBins();
        for (int i = 1; i <= pieces; i++) {
            bins.add("flow-0", Math.round(i * gapMs * MS), i * 262_144.0);
        }
        return bins;
    }

    @Test
    void piecesSpreadOverTheirIntervalGiveTheSteadyRate() {
        // 256 KiB every 41.943 ms is 50 Mbit/s: whole pieces per 50 ms bin would alternate 42 and 84.
        List<LiveMetrics.XY> points = steady(200, 41.943).points();
        for (LiveMetrics.XY p : points.subList(1, points.size())) {
            assertEquals(50, p.y(), 0.01, "at " + p.x() + " s");
        }
    }

    @Test
    void flowsAddUp() {
        ThroughputBins bins = new ThroughputBins();
        for (int i = 1; i <= 100; i++) {
            bins.add("flow-0", i * 100 * MS, i * 1_250_000.0); // 100 Mbit/s
            bins.add("flow-1", i * 100 * MS, i * 625_000.0); // 50 Mbit/s
        }
        List<LiveMetrics.XY> points = bins.points();
        assertEquals(150, points.get(points.size() / 2).y(), 1e-6);
    }

    @Test
    void longRunsUseWiderBinsAndKeepEveryByte() {
        ThroughputBins bins = steady(20_000, 41.943); // ~839 s
        assertTrue(bins.binNanos() > ThroughputBins.FIRST_BIN_NANOS);
        List<LiveMetrics.XY> points = bins.points();
        assertTrue(points.size() <= ThroughputBins.MAX_BINS);
        double seconds = bins.binNanos() / 1e9;
        double megabits = points.stream().mapToDouble(p -> p.y() * seconds).sum();
        double last = points.get(points.size() - 1).x() + seconds / 2;
        assertEquals(50 * last, megabits, 50 * seconds * 1.01, "bytes in complete bins");
        assertEquals(50, points.get(points.size() / 2).y(), 0.01);
    }

    @Test
    void theBinStillFillingIsLeftOut() {
        ThroughputBins bins = new ThroughputBins();
        bins.add("f", 10 * MS, 1000);
        assertEquals(1, bins.points().size(), "a single bin is shown while nothing else is");
        bins.add("f", 120 * MS, 2000);
        assertEquals(2, bins.points().size(), "bins 0 and 1 are complete at 120 ms, bin 2 is not");
    }
}
