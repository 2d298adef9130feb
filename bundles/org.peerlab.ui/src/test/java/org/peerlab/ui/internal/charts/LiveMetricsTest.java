package org.peerlab.ui.internal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioCheck;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.run.MetricEvent;

class LiveMetricsTest {

    private static List<SweepPoint> points(String sweep) throws Exception {
        Scenario s = ScenarioReader.parse("{\"name\": \"t\", \"workload\": {\"name\": \"nat-traversal\"}, \"strategies\": {\"nat-traversal\": \"ice\"},"
                + " \"sweep\": {" + sweep + "}, \"seed\": 1}", "t.json");
        return ScenarioCheck.expand(s);
    }

    @Test
    void traversalSuccessIsTalliedPerStrategyAndOtherSweptValues() throws Exception {
        LiveMetrics live = new LiveMetrics(points("\"population.nat-mix\": [\"ford-2005\", \"seed-001\"], \"strategies.nat-traversal\": [\"direct\", \"ice\"]"));
        List<MetricEvent> batch = new ArrayList<>();
        batch.add(new MetricEvent(0, 0, "success-rate", MetricKind.OBSERVATION, 1, 0));
        batch.add(new MetricEvent(0, 1, "success-rate", MetricKind.OBSERVATION, 2, 1));
        batch.add(new MetricEvent(1, 0, "success-rate", MetricKind.OBSERVATION, 1, 1));
        batch.add(new MetricEvent(3, 0, "success-rate", MetricKind.OBSERVATION, 1, 1));
        batch.add(new MetricEvent(3, 0, "success-rate.full-cone|symmetric", MetricKind.OBSERVATION, 1, 1));
        live.add(batch);
        LiveMetrics.Snapshot s = live.snapshot();
        assertEquals(Map.of("direct", 0.5, "ice", 1.0), s.success().get("population.nat-mix=ford-2005"));
        assertEquals(Map.of("ice", 1.0), s.success().get("population.nat-mix=seed-001"));
        assertTrue(s.throughput().isEmpty());
        assertEquals(5, s.events());
    }

    @Test
    void throughputComesFromReplicationZeroOnly() throws Exception {
        LiveMetrics live = new LiveMetrics(points("\"network.loss\": [0, 0.01]"));
        live.add(List.of(new MetricEvent(1, 0, "delivered-bytes/flow-0", MetricKind.SERIES, 100_000_000L, 1e6),
                new MetricEvent(1, 1, "delivered-bytes/flow-0", MetricKind.SERIES, 100_000_000L, 1e6),
                new MetricEvent(1, 0, "delivered-bytes/flow-0", MetricKind.SERIES, 300_000_000L, 2e6)));
        LiveMetrics.Snapshot s = live.snapshot();
        assertEquals(List.of("network.loss=0.01"), List.copyOf(s.throughput().keySet()));
        assertTrue(s.items() > 0);
    }

    @Test
    void durabilityMetricsAreChartedAndOtherMetricsOnlyWhenNothingElseIs() throws Exception {
        LiveMetrics live = new LiveMetrics(points("\"network.loss\": [0]"));
        live.add(List.of(new MetricEvent(0, 0, "handshake-ms", MetricKind.OBSERVATION, 5, 10),
                new MetricEvent(0, 0, "handshake-ms", MetricKind.OBSERVATION, 6, 20)));
        LiveMetrics.Snapshot fallback = live.snapshot();
        assertFalse(fallback.durability());
        assertEquals(List.of(new LiveMetrics.XY(5e-9, 10), new LiveMetrics.XY(6e-9, 15)), fallback.other().get("handshake-ms @ network.loss=0"));
        live.add(List.of(new MetricEvent(0, 0, "audit-failures", MetricKind.COUNTER, 7, 2), new MetricEvent(0, 0, "audit-failures", MetricKind.COUNTER, 8, 3)));
        LiveMetrics.Snapshot s = live.snapshot();
        assertTrue(s.durability());
        assertEquals(List.of("audit-failures @ network.loss=0"), List.copyOf(s.other().keySet()));
        assertEquals(5, s.other().get("audit-failures @ network.loss=0").get(1).y(), "a counter's running total");
    }

    @Test
    void eventsOfUnknownPointsAreCountedButNotDrawn() throws Exception {
        LiveMetrics live = new LiveMetrics(points("\"network.loss\": [0]"));
        live.add(List.of(new MetricEvent(5, 0, "success-rate", MetricKind.OBSERVATION, 1, 1)));
        assertEquals(1, live.snapshot().events());
        assertEquals(0, live.snapshot().items());
    }
}
