package org.peerlab.experiment.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.peerlab.core.json.JsonValue;
import org.peerlab.experiment.SweepAxis;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricStatistics;
import org.peerlab.report.Report;

/**
 * Charts of one metric against each swept parameter: a line chart with 95% CI error bars when
 * the parameter's values are all numbers, a bar chart with error bars otherwise (cipher names,
 * NAT types, booleans). Each combination of the other swept parameters is one series.
 */
final class SweepCharts {

    private SweepCharts() {
    }

    static List<Report.Chart> charts(ExperimentResult r, String metric, String idPrefix) {
        List<Report.Chart> charts = new ArrayList<>();
        List<SweepAxis> axes = r.scenario().sweep();
        SectionIds ids = new SectionIds();
        for (int a = 0; a < axes.size(); a++) {
            SweepAxis axis = axes.get(a);
            Map<String, List<SweepPoint>> groups = groups(r.points(), axes, a);
            String id = ids.unique(idPrefix + "-" + SectionIds.slug(axis.path()));
            String title = metric + " vs " + axis.path() + " (mean, 95% CI)";
            if (axis.numeric()) {
                List<Report.Line> lines = new ArrayList<>();
                groups.forEach((label, points) -> {
                    List<Report.Point> xy = new ArrayList<>();
                    for (SweepPoint p : points) {
                        MetricStatistics s = r.statistics(p.index(), metric).orElse(null);
                        double x = ((JsonValue.JsonNumber) p.assignments().get(axis.path())).doubleValue();
                        xy.add(new Report.Point(x, s == null ? Double.NaN : s.mean(), s == null ? Double.NaN : s.ci95()));
                    }
                    xy.sort((p, q) -> Double.compare(p.x(), q.x()));
                    lines.add(new Report.Line(label.isEmpty() ? metric : label, xy));
                });
                charts.add(new Report.LineChart(id, title, axis.path(), metric, lines));
            } else {
                List<Report.Bar> bars = new ArrayList<>();
                groups.forEach((label, points) -> {
                    for (SweepPoint p : points) {
                        MetricStatistics s = r.statistics(p.index(), metric).orElse(null);
                        if (s != null && Double.isFinite(s.mean())) {
                            bars.add(new Report.Bar(label.isEmpty() ? metric : label, SweepPoint.text(p.assignments().get(axis.path())), s.mean(),
                                    Double.isFinite(s.ci95()) ? s.ci95() : 0));
                        }
                    }
                });
                charts.add(new Report.BarChart(id, title, metric, bars));
            }
        }
        return charts;
    }

    /** Points grouped by the values of every axis but {@code skip}, groups in order of first appearance. */
    private static Map<String, List<SweepPoint>> groups(List<SweepPoint> points, List<SweepAxis> axes, int skip) {
        Map<String, List<SweepPoint>> groups = new LinkedHashMap<>();
        for (SweepPoint p : points) {
            String label = axes.stream().filter(x -> x != axes.get(skip))
                    .map(x -> x.path() + "=" + SweepPoint.text(p.assignments().get(x.path()))).collect(Collectors.joining(", "));
            groups.computeIfAbsent(label, k -> new ArrayList<>()).add(p);
        }
        return groups;
    }
}
