package org.peerlab.experiment.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.SweepAxis;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.results.ExpectationCheck;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricStatistics;
import org.peerlab.experiment.results.RunResult;
import org.peerlab.report.Report;
import org.peerlab.report.ReportWriter;

/**
 * Turns an {@link ExperimentResult} into a {@link Report}: per metric a table of the sweep
 * points (n, mean, sd, 95% CI) with a chart against every swept parameter ({@link SweepCharts}),
 * the time series, expectation checks, failures and the scenario text; metadata has the seed,
 * versions and machine as given by the caller.
 */
public final class ExperimentReport {

    private ExperimentReport() {
    }

    /**
     * Writes the report into {@code dir} ({@code report.html}, charts as PNG and SVG, CSV, JSON).
     *
     * @param runInfo what the result files leave out: PeerLab version, date, machine, threads, wall time
     * @return the HTML page
     */
    public static Path write(ExperimentResult result, Map<String, String> runInfo, Path dir) throws IOException {
        return ReportWriter.write(of(result, runInfo), dir);
    }

    /** @return the report of {@code result}, with {@code runInfo} after the scenario's own metadata */
    public static Report of(ExperimentResult result, Map<String, String> runInfo) {
        Scenario s = result.scenario();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Scenario", s.name());
        if (!s.description().isEmpty()) {
            meta.put("Description", s.description());
        }
        meta.put("Workload", s.workload());
        meta.put("Seed", Long.toString(s.seed()));
        meta.put("Replications", Integer.toString(s.replications()));
        meta.put("Sweep points", Integer.toString(result.points().size()));
        meta.put("Runs", result.completed() + " completed, " + result.failures().size() + " failed of " + result.runs().size()
                + (result.cancelled() ? " (cancelled)" : ""));
        if (s.durationNanos() > 0) {
            meta.put("Simulated duration", s.durationNanos() / 1e9 + " s");
        }
        meta.putAll(runInfo);
        SectionIds ids = new SectionIds();
        List<Report.Section> sections = new ArrayList<>();
        for (String metric : result.metricNames()) {
            sections.add(metricSection(result, metric, ids));
        }
        Report.Section series = TimeSeriesCharts.section(result, ids);
        if (series != null) {
            sections.add(series);
        }
        if (!result.expectations().isEmpty()) {
            sections.add(validation(result));
        }
        if (!result.failures().isEmpty()) {
            sections.add(failures(result));
        }
        sections.add(new Report.Section("scenario", "Scenario (" + s.name() + ")", null, List.of(), s.text()));
        List<String> notes = new ArrayList<>(result.notes());
        if (!result.expectations().isEmpty()) {
            long pass = result.expectations().stream().filter(ExpectationCheck::pass).count();
            notes.add(pass + " of " + result.expectations().size() + " expectations met (|mean - expected| <= tolerance + 95% CI half-width).");
        }
        return new Report("PeerLab experiment: " + s.name(), meta, sections, notes);
    }

    private static List<String> pointColumns(Scenario s) {
        List<String> columns = new ArrayList<>(List.of("point"));
        s.sweep().forEach(a -> columns.add(a.path()));
        return columns;
    }

    private static List<Object> pointCells(ExperimentResult r, int pointIndex) {
        List<Object> cells = new ArrayList<>(List.of(pointIndex));
        SweepPoint p = r.points().get(pointIndex);
        for (SweepAxis a : r.scenario().sweep()) {
            Object v = p.assignments().get(a.path()).toPlain();
            cells.add(v instanceof Number n ? (Object) n.doubleValue() : SweepPoint.text(p.assignments().get(a.path())));
        }
        return cells;
    }

    private static Report.Section metricSection(ExperimentResult r, String metric, SectionIds ids) {
        List<String> columns = pointColumns(r.scenario());
        columns.addAll(List.of("n", "mean", "sd", "ci95"));
        List<List<Object>> rows = new ArrayList<>();
        String kind = "";
        for (MetricStatistics st : r.statistics()) {
            if (st.metric().equals(metric)) {
                List<Object> row = pointCells(r, st.pointIndex());
                row.addAll(List.of(st.n(), st.mean(), st.sd(), st.ci95()));
                rows.add(row);
                kind = st.kind().label();
            }
        }
        String id = ids.unique("metric-" + SectionIds.slug(metric));
        return new Report.Section(id, metric + " (" + kind + ", mean over replications with 95% CI)", new Report.Table(columns, rows),
                SweepCharts.charts(r, metric, id));
    }

    private static Report.Section validation(ExperimentResult r) {
        List<String> columns = pointColumns(r.scenario());
        columns.addAll(List.of("check", "metric", "expected", "measured", "ci95", "tolerance", "result"));
        List<List<Object>> rows = new ArrayList<>();
        for (ExpectationCheck c : r.expectations()) {
            List<Object> row = pointCells(r, c.pointIndex());
            row.addAll(List.of(c.expectation().name(), c.expectation().metric(), c.expectation().expected(), c.measured(), c.ci95(),
                    c.expectation().tolerance(), c.pass() ? "pass" : "FAIL"));
            rows.add(row);
        }
        return new Report.Section("validation", "Validation against expected values", new Report.Table(columns, rows), List.of());
    }

    private static Report.Section failures(ExperimentResult r) {
        List<String> columns = pointColumns(r.scenario());
        columns.addAll(List.of("replication", "failure"));
        List<List<Object>> rows = new ArrayList<>();
        for (RunResult run : r.failures()) {
            List<Object> row = pointCells(r, run.pointIndex());
            row.addAll(List.of(run.replication(), run.failure()));
            rows.add(row);
        }
        return new Report.Section("failures", "Failed runs", new Report.Table(columns, rows), List.of());
    }
}
