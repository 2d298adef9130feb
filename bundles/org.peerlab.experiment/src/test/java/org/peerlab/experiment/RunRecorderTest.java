package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peerlab.experiment.results.MetricSummary;
import org.peerlab.experiment.results.TimeSeries;
import org.peerlab.experiment.run.MetricEvent;
import org.peerlab.experiment.run.RunRecorder;

class RunRecorderTest {

    @Test
    void summarisesEachKind() {
        RunRecorder r = new RunRecorder(0, 0, Set.of(), null);
        r.sample("q", 0, 2);
        r.sample("q", 10, 4);
        r.observe("o", 1);
        r.observe("o", 3);
        r.count("c", 2);
        r.count("c", 5);
        List<MetricSummary> s = r.summaries(40);
        assertEquals(List.of("c", "o", "q"), s.stream().map(MetricSummary::metric).toList());
        assertEquals(7, s.get(0).value());
        assertEquals(2, s.get(1).value());
        assertEquals(Math.sqrt(2), s.get(1).sd(), 1e-12);
        assertEquals((2 * 10 + 4 * 30) / 40.0, s.get(2).value(), 1e-12, "series: time-weighted mean to the end of the run");
        assertEquals(4, s.get(2).last());
    }

    @Test
    void longSeriesAreThinnedDeterministically() {
        RunRecorder r = new RunRecorder(0, 0, Set.of(), null);
        int n = RunRecorder.SERIES_CAP * 3;
        for (int i = 0; i < n; i++) {
            r.sample("s", i, i);
        }
        TimeSeries s = r.series().get(0);
        assertEquals(4, s.stride());
        assertEquals(n / 4, s.size());
        long[] t = s.timesNanos();
        for (int i = 0; i < t.length; i++) {
            assertEquals(4L * i, t[i]);
        }
        assertEquals(n, r.summaries(n).get(0).count(), "summaries use every sample");
    }

    @Test
    void keepsOnlyListedMetricsAndRejectsMixedKinds() {
        List<MetricEvent> events = new ArrayList<>();
        RunRecorder r = new RunRecorder(2, 1, Set.of("a"), events::addAll);
        r.observe("a", 1);
        r.observe("b", 1);
        r.flush();
        assertEquals(List.of(new MetricEvent(2, 1, "a", MetricKind.OBSERVATION, 0, 1)), events);
        assertEquals(1, r.summaries(0).size());
        assertThrows(IllegalStateException.class, () -> r.count("a", 1));
    }
}
