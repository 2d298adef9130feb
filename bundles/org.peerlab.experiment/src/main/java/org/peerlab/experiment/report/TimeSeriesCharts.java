package org.peerlab.experiment.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.RunResult;
import org.peerlab.experiment.results.TimeSeries;
import org.peerlab.report.Report;

/**
 * Time series charts: per series metric, replication 0 of up to {@value #MAX_LINES} sweep points,
 * each line thinned to at most {@value #MAX_POINTS} points for drawing (the CSV has them all).
 */
final class TimeSeriesCharts {

    static final int MAX_LINES = 12;
    static final int MAX_POINTS = 2_000;

    private TimeSeriesCharts() {
    }

    /** @return the section, or {@code null} when no run recorded a series */
    static Report.Section section(ExperimentResult r, SectionIds ids) {
        Map<String, List<Report.Line>> byMetric = new LinkedHashMap<>();
        for (RunResult run : r.runs()) {
            if (run.replication() != 0 || run.status() != RunResult.Status.OK) {
                continue;
            }
            for (TimeSeries s : run.series()) {
                List<Report.Line> lines = byMetric.computeIfAbsent(s.metric(), m -> new ArrayList<>());
                if (lines.size() < MAX_LINES) {
                    lines.add(new Report.Line(r.points().get(run.pointIndex()).label(), thin(s)));
                }
            }
        }
        if (byMetric.isEmpty()) {
            return null;
        }
        String id = ids.unique("time-series");
        List<Report.Chart> charts = new ArrayList<>();
        SectionIds chartIds = new SectionIds();
        byMetric.forEach((metric, lines) -> charts.add(new Report.LineChart(chartIds.unique(id + "-" + SectionIds.slug(metric)),
                metric + " over simulated time (replication 0)", "simulated time (s)", metric, lines)));
        return new Report.Section(id, "Time series", null, charts, null);
    }

    private static List<Report.Point> thin(TimeSeries s) {
        long[] t = s.timesNanos();
        double[] v = s.values();
        int step = Math.max(1, (t.length + MAX_POINTS - 1) / MAX_POINTS);
        List<Report.Point> out = new ArrayList<>();
        for (int i = 0; i < t.length; i += step) {
            out.add(new Report.Point(t[i] / 1e9, v[i], Double.NaN));
        }
        return out;
    }
}
