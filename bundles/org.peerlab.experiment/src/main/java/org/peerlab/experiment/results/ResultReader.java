package org.peerlab.experiment.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonArray;
import org.peerlab.core.json.JsonValue.JsonNumber;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioCheck;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.SweepPoint;

/**
 * Reads a results folder written by {@link ResultWriter} back into an {@link ExperimentResult}:
 * the scenario from {@code scenario.json} (with the seed and replications {@code results.json}
 * records), the sweep points by expanding it again, statistics, expectation checks, notes and
 * per-run summaries from {@code results.json}, and the kept time series from
 * {@code timeseries.csv}. Writing the result again gives the same {@code results.json},
 * {@code points.csv}, {@code runs.csv} and {@code validation.csv}.
 *
 * <p>What the files do not keep stays empty: the runs' workload notes and expectations (the
 * result's own notes and checks are read) and the series' thinning stride (read as 1).
 * Stateless and thread-safe.
 */
public final class ResultReader {

    private ResultReader() {
    }

    /**
     * @param dir a folder holding at least {@code scenario.json} and {@code results.json}
     * @return the result
     * @throws NoSuchFileException when either file is missing
     * @throws IOException         when a file cannot be read or does not have the expected shape
     *                             (the message names the file and what is wrong)
     */
    public static ExperimentResult read(Path dir) throws IOException {
        String scenarioText = Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8);
        JsonObject doc = object(parse(dir.resolve("results.json")), "results.json");
        JsonObject sc = object(doc.get("scenario"), "results.json: scenario");
        Scenario scenario;
        List<SweepPoint> points;
        try {
            scenario = ScenarioReader.parse(scenarioText, dir.resolve("scenario.json").toString());
            scenario = scenario.withSeed(number(sc, "seed").longValue()).withReplications((int) number(sc, "replications").longValue());
            points = ScenarioCheck.expand(scenario);
        } catch (ScenarioException e) {
            throw new IOException("scenario.json in " + dir + " is not a valid scenario: " + e.getMessage(), e);
        }
        List<MetricStatistics> stats = new ArrayList<>();
        for (JsonValue p : array(doc.get("points"), "points")) {
            JsonObject po = object(p, "a point");
            int index = (int) number(po, "index").longValue();
            if (index < 0 || index >= points.size()) {
                throw new IOException("results.json in " + dir + ": point " + index + " is not in the scenario's " + points.size()
                        + " sweep points");
            }
            for (Map.Entry<String, JsonValue.Member> m : object(po.get("metrics"), "metrics").members().entrySet()) {
                JsonObject mo = object(m.getValue().value(), "metric " + m.getKey());
                stats.add(new MetricStatistics(index, m.getKey(), kind(mo), (int) number(mo, "n").longValue(), decimal(mo, "mean"),
                        decimal(mo, "sd"), decimal(mo, "ci95"), decimal(mo, "min"), decimal(mo, "max")));
            }
        }
        List<ExpectationCheck> checks = new ArrayList<>();
        JsonValue expectations = doc.get("expectations");
        if (expectations != null) {
            for (JsonValue e : array(expectations, "expectations")) {
                JsonObject eo = object(e, "an expectation");
                Expectation ex = new Expectation(string(eo, "name"), string(eo, "metric"), decimal(eo, "expected"), decimal(eo, "tolerance"));
                checks.add(new ExpectationCheck((int) number(eo, "point").longValue(), ex, decimal(eo, "measured"), decimal(eo, "ci95"),
                        eo.get("pass") instanceof JsonValue.JsonBoolean b && b.value()));
            }
        }
        List<String> notes = new ArrayList<>();
        JsonValue n = doc.get("notes");
        if (n != null) {
            for (JsonValue v : array(n, "notes")) {
                notes.add(String.valueOf(v.toPlain()));
            }
        }
        Map<String, List<TimeSeries>> series = series(dir.resolve("timeseries.csv"));
        List<RunResult> runs = new ArrayList<>();
        JsonValue rs = doc.get("runs");
        if (rs != null) {
            for (JsonValue r : array(rs, "runs")) {
                runs.add(run(object(r, "a run"), series));
            }
        }
        JsonObject status = doc.get("status") instanceof JsonObject o ? o : null;
        boolean cancelled = status != null && status.get("cancelled") instanceof JsonValue.JsonBoolean b && b.value();
        return new ExperimentResult(scenario, points, runs, stats, checks, notes, cancelled);
    }

    /**
     * Reads {@code run-info.json} (date, machine, versions, wall time) as text values in file order.
     *
     * @return the entries, empty when the folder has no such file
     * @throws IOException when the file exists but cannot be read or is not a JSON object
     */
    public static Map<String, String> readRunInfo(Path dir) throws IOException {
        Path file = dir.resolve("run-info.json");
        Map<String, String> info = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return info;
        }
        JsonObject o = object(parse(file), "run-info.json");
        o.members().forEach((k, m) -> info.put(k, m.value() instanceof JsonValue.JsonString s ? s.value() : String.valueOf(m.value().toPlain())));
        return info;
    }

    private static RunResult run(JsonObject ro, Map<String, List<TimeSeries>> series) throws IOException {
        int point = (int) number(ro, "point").longValue();
        int replication = (int) number(ro, "replication").longValue();
        String statusText = string(ro, "status");
        RunResult.Status status;
        try {
            status = RunResult.Status.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("results.json: run " + point + "/" + replication + " has unknown status '" + statusText + "'");
        }
        List<MetricSummary> metrics = new ArrayList<>();
        JsonValue mv = ro.get("metrics");
        if (mv != null) {
            for (Map.Entry<String, JsonValue.Member> m : object(mv, "run metrics").members().entrySet()) {
                JsonObject mo = object(m.getValue().value(), "metric " + m.getKey());
                metrics.add(new MetricSummary(m.getKey(), kind(mo), number(mo, "count").longValue(), decimal(mo, "value"), decimal(mo, "sd"),
                        decimal(mo, "min"), decimal(mo, "max"), mo.get("last") == null ? Double.NaN : decimal(mo, "last")));
            }
        }
        long endNanos = Math.round(decimal(ro, "end_s") * 1e9);
        long events = number(ro, "events").longValue();
        String failure = ro.get("failure") instanceof JsonValue.JsonString s ? s.value() : null;
        return new RunResult(point, replication, status, metrics, series.getOrDefault(point + "/" + replication, List.of()), RunOutput.empty(),
                endNanos, events, failure);
    }

    /** @return "point/replication" to the run's series, sorted by metric as the runner keeps them */
    private static Map<String, List<TimeSeries>> series(Path file) throws IOException {
        Map<String, Map<String, List<double[]>>> raw = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> cells = CsvCells.split(lines.get(i));
            if (cells.size() != 5) {
                throw new IOException(file.getFileName() + ":" + (i + 1) + ": expected 5 cells, found " + cells.size());
            }
            try {
                String run = Integer.parseInt(cells.get(0)) + "/" + Integer.parseInt(cells.get(1));
                double t = Double.parseDouble(cells.get(3));
                double v = cells.get(4).isEmpty() ? Double.NaN : Double.parseDouble(cells.get(4));
                raw.computeIfAbsent(run, k -> new java.util.TreeMap<>()).computeIfAbsent(cells.get(2), k -> new ArrayList<>())
                        .add(new double[] { t, v });
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + ":" + (i + 1) + ": not a number: " + e.getMessage());
            }
        }
        Map<String, List<TimeSeries>> out = new LinkedHashMap<>();
        raw.forEach((run, byMetric) -> {
            List<TimeSeries> list = new ArrayList<>();
            byMetric.forEach((metric, samples) -> {
                long[] t = new long[samples.size()];
                double[] v = new double[samples.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = Math.round(samples.get(i)[0] * 1e9);
                    v[i] = samples.get(i)[1];
                }
                list.add(new TimeSeries(metric, t, v, 1));
            });
            out.put(run, list);
        });
        return out;
    }

    private static JsonValue parse(Path file) throws IOException {
        try {
            return JsonParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (JsonSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static JsonObject object(JsonValue v, String what) throws IOException {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IOException(what + ": expected an object, found " + (v == null ? "nothing" : v.typeName()));
    }

    private static List<JsonValue> array(JsonValue v, String what) throws IOException {
        if (v instanceof JsonArray a) {
            return a.elements();
        }
        throw new IOException(what + ": expected an array, found " + (v == null ? "nothing" : v.typeName()));
    }

    private static JsonNumber number(JsonObject o, String key) throws IOException {
        if (o.get(key) instanceof JsonNumber n) {
            return n;
        }
        throw new IOException("'" + key + "' at " + o.position() + ": expected a number");
    }

    /** @return the number, or NaN for null (how NaN is written) */
    private static double decimal(JsonObject o, String key) throws IOException {
        JsonValue v = o.get(key);
        if (v == null || v instanceof JsonValue.JsonNull) {
            return Double.NaN;
        }
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw new IOException("'" + key + "' at " + v.position() + ": expected a number or null, found " + v.typeName());
    }

    private static String string(JsonObject o, String key) throws IOException {
        if (o.get(key) instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new IOException("'" + key + "' at " + o.position() + ": expected a string");
    }

    private static MetricKind kind(JsonObject o) throws IOException {
        String k = string(o, "kind");
        try {
            return MetricKind.valueOf(k.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("'kind' at " + o.position() + ": unknown metric kind '" + k + "'");
        }
    }
}
