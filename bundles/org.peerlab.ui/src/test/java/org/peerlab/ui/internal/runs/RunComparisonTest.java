package org.peerlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.report.Report;

class RunComparisonTest {

    private static Report report(double y, boolean extra) {
        Report.LineChart line = new Report.LineChart("metric-goodput-latency", "goodput vs latency", "latency", "goodput",
                List.of(new Report.Line("goodput", List.of(new Report.Point(5, y, 0.1), new Report.Point(40, y / 2, 0.1)))));
        Report.BarChart bar = new Report.BarChart("metric-goodput-aead", "goodput vs aead", "goodput",
                List.of(new Report.Bar("latency=5", "aes", y, 0), new Report.Bar("latency=40", "aes", y / 2, 0)));
        List<Report.Chart> charts = extra ? List.of(line, bar) : List.of(line);
        Report.Section s = new Report.Section("metric-goodput", "goodput", new Report.Table(List.of("point", "mean"), List.of(List.of(0, y))),
                charts);
        return new Report("r", Map.of(), List.of(s), List.of());
    }

    @Test
    void sameChartsAreOverlaidWithASeriesPerRun() {
        Map<String, Report> reports = new LinkedHashMap<>();
        reports.put("run-a", report(10, true));
        reports.put("run-b", report(20, false));
        List<Report.Chart> charts = RunComparison.overlay(reports);
        assertEquals(2, charts.size());
        Report.LineChart line = (Report.LineChart) charts.get(0);
        assertEquals(List.of("run-a", "run-b"), line.lines().stream().map(Report.Line::series).toList());
        assertEquals("latency", line.xLabel());
        Report.BarChart bar = (Report.BarChart) charts.get(1);
        assertEquals(List.of("run-a: latency=5", "run-a: latency=40"), bar.bars().stream().map(Report.Bar::series).toList());
        assertEquals(List.of("run-a", "run-b"), List.copyOf(RunComparison.tables(reports).get("goodput").keySet()));
    }
}
