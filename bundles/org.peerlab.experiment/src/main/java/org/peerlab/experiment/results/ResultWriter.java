package org.peerlab.experiment.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.peerlab.core.json.Json;
import org.peerlab.experiment.SweepAxis;
import org.peerlab.experiment.SweepPoint;

/**
 * Writes an {@link ExperimentResult} into a folder: {@code scenario.json} (the file as given),
 * {@code results.json}, {@code points.csv}, {@code runs.csv}, {@code timeseries.csv} and, when
 * the workload gave expectations, {@code validation.csv}. These files depend only on the
 * scenario, the seed and the code: same inputs, same bytes (no dates, paths, machine or timing;
 * those go to {@code run-info.json}, written by {@link #writeRunInfo}). Each file is written under
 * a temporary name and moved into place.
 */
public final class ResultWriter {

    private ResultWriter() {
    }

    /** Writes the result files into {@code dir}, creating it. */
    public static void write(ExperimentResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        atomically(dir.resolve("scenario.json"), result.scenario().text());
        atomically(dir.resolve("results.json"), Json.write(ResultJson.of(result)) + "\n");
        atomically(dir.resolve("points.csv"), points(result));
        atomically(dir.resolve("runs.csv"), runs(result));
        atomically(dir.resolve("timeseries.csv"), timeSeries(result));
        if (!result.expectations().isEmpty()) {
            atomically(dir.resolve("validation.csv"), validation(result));
        }
    }

    /** Writes {@code run-info.json}: what varies between executions (date, machine, versions, wall time). */
    public static void writeRunInfo(Map<String, ?> info, Path dir) throws IOException {
        Files.createDirectories(dir);
        atomically(dir.resolve("run-info.json"), Json.write(info) + "\n");
    }

    private static List<String> sweepColumns(ExperimentResult r) {
        return r.scenario().sweep().stream().map(SweepAxis::path).toList();
    }

    private static List<Object> sweepCells(ExperimentResult r, int pointIndex) {
        List<Object> cells = new ArrayList<>();
        SweepPoint p = r.points().get(pointIndex);
        for (SweepAxis a : r.scenario().sweep()) {
            cells.add(SweepPoint.text(p.assignments().get(a.path())));
        }
        return cells;
    }

    static String points(ExperimentResult r) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(sweepColumns(r));
        header.addAll(List.of("metric", "kind", "n", "mean", "sd", "ci95", "ci_low", "ci_high", "min", "max"));
        Csv csv = new Csv(header);
        for (MetricStatistics s : r.statistics()) {
            List<Object> row = new ArrayList<>(List.of(s.pointIndex()));
            row.addAll(sweepCells(r, s.pointIndex()));
            row.addAll(List.of(s.metric(), s.kind().label(), s.n(), s.mean(), s.sd(), s.ci95(), s.mean() - s.ci95(), s.mean() + s.ci95(), s.min(),
                    s.max()));
            csv.row(row);
        }
        return csv.toString();
    }

    static String runs(ExperimentResult r) {
        List<String> header = new ArrayList<>(List.of("point", "replication"));
        header.addAll(sweepColumns(r));
        header.addAll(List.of("status", "end_s", "events", "metric", "kind", "count", "value", "sd", "min", "max", "last", "failure"));
        Csv csv = new Csv(header);
        for (RunResult run : r.runs()) {
            List<Object> head = new ArrayList<>(List.of(run.pointIndex(), run.replication()));
            head.addAll(sweepCells(r, run.pointIndex()));
            head.addAll(List.of(run.status().label(), run.endNanos() / 1e9, run.events()));
            if (run.metrics().isEmpty()) {
                List<Object> row = new ArrayList<>(head);
                row.addAll(java.util.Arrays.asList(null, null, null, null, null, null, null, null, run.failure()));
                csv.row(row);
            }
            for (MetricSummary m : run.metrics()) {
                List<Object> row = new ArrayList<>(head);
                row.addAll(java.util.Arrays.asList(m.metric(), m.kind().label(), m.count(), m.value(), m.sd(), m.min(), m.max(), m.last(),
                        run.failure()));
                csv.row(row);
            }
        }
        return csv.toString();
    }

    static String timeSeries(ExperimentResult r) {
        Csv csv = new Csv(List.of("point", "replication", "metric", "time_s", "value"));
        for (RunResult run : r.runs()) {
            for (TimeSeries s : run.series()) {
                long[] t = s.timesNanos();
                double[] v = s.values();
                for (int i = 0; i < t.length; i++) {
                    csv.row(List.of(run.pointIndex(), run.replication(), s.metric(), t[i] / 1e9, v[i]));
                }
            }
        }
        return csv.toString();
    }

    static String validation(ExperimentResult r) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(sweepColumns(r));
        header.addAll(List.of("name", "metric", "expected", "measured", "ci95", "tolerance", "pass"));
        Csv csv = new Csv(header);
        for (ExpectationCheck c : r.expectations()) {
            List<Object> row = new ArrayList<>(List.of(c.pointIndex()));
            row.addAll(sweepCells(r, c.pointIndex()));
            row.addAll(List.of(c.expectation().name(), c.expectation().metric(), c.expectation().expected(), c.measured(), c.ci95(),
                    c.expectation().tolerance(), c.pass()));
            csv.row(row);
        }
        return csv.toString();
    }

    static void atomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
