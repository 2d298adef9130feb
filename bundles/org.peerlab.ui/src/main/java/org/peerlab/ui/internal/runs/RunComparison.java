package org.peerlab.ui.internal.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.report.Report;

/**
 * Overlays the reports of several runs: charts with the same id (the same metric against the same
 * swept parameter, or the same benchmark family) become one chart with every run's lines or bars,
 * each series named by its run, so they share axes. Charts only one run has stay, with that run's
 * series renamed the same way. Pure data; thread-safe.
 */
public final class RunComparison {

    private RunComparison() {
    }

    /**
     * @param reports run label to its report, in the order the series should appear
     * @return the overlaid charts, in order of first appearance
     */
    public static List<Report.Chart> overlay(Map<String, Report> reports) {
        Map<String, List<Report.Chart>> byId = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        reports.forEach((label, report) -> {
            for (Report.Section s : report.sections()) {
                for (Report.Chart c : s.charts()) {
                    byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
                    labels.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(label);
                }
            }
        });
        List<Report.Chart> out = new ArrayList<>();
        byId.forEach((id, charts) -> out.add(merge(charts, labels.get(id))));
        return out;
    }

    /**
     * @return the tables of each run by section title (a metric, a benchmark family): section
     *         title to run label to table, sections in order of first appearance
     */
    public static Map<String, Map<String, Report.Table>> tables(Map<String, Report> reports) {
        Map<String, Map<String, Report.Table>> out = new LinkedHashMap<>();
        reports.forEach((label, report) -> {
            for (Report.Section s : report.sections()) {
                if (s.table() != null) {
                    out.computeIfAbsent(s.title(), k -> new LinkedHashMap<>()).put(label, s.table());
                }
            }
        });
        return out;
    }

    private static Report.Chart merge(List<Report.Chart> charts, List<String> labels) {
        Report.Chart first = charts.get(0);
        if (first instanceof Report.LineChart line) {
            List<Report.Line> lines = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                if (charts.get(i) instanceof Report.LineChart c) {
                    for (Report.Line l : c.lines()) {
                        lines.add(new Report.Line(name(labels.get(i), l.series(), c.valueLabel(), c.lines().size()), l.points()));
                    }
                }
            }
            return new Report.LineChart(line.id(), line.title(), line.xLabel(), line.valueLabel(), lines);
        }
        Report.BarChart bar = (Report.BarChart) first;
        List<Report.Bar> bars = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            if (charts.get(i) instanceof Report.BarChart c) {
                long series = c.bars().stream().map(Report.Bar::series).distinct().count();
                for (Report.Bar b : c.bars()) {
                    bars.add(new Report.Bar(name(labels.get(i), b.series(), c.valueLabel(), (int) series), b.category(), b.value(), b.error()));
                }
            }
        }
        return new Report.BarChart(bar.id(), bar.title(), bar.valueLabel(), bars);
    }

    /** The run's label alone when its chart had one series named after the metric; else "run: series". */
    private static String name(String run, String series, String valueLabel, int seriesInChart) {
        return seriesInChart == 1 && (series.equals(valueLabel) || series.isEmpty()) ? run : run + ": " + series;
    }
}
