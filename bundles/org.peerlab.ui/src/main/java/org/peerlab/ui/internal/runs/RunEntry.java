package org.peerlab.ui.internal.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.experiment.results.ResultReader;

/**
 * One finished run as the Runs view lists it, read from its folder without loading the results.
 *
 * @param folder   the run's folder
 * @param kind     experiment or micro-benchmark
 * @param name     the folder's name
 * @param scenario the scenario's name ({@code micro-benchmarks} for a benchmark)
 * @param date     when it finished, from {@code run-info.json} or else the folder name or time
 * @param seed     the experiment seed as text ({@code -} for a benchmark)
 * @param runs     runs (points x replications) or benchmark cases, as text
 * @param status   e.g. {@code ok}, {@code 2 failed}, {@code cancelled}, or why the folder is unreadable
 */
public record RunEntry(Path folder, Kind kind, String name, String scenario, Instant date, String seed, String runs, String status) {

    /** What produced the folder. */
    public enum Kind {
        /** a scenario run: {@code results.json} and friends */
        EXPERIMENT,
        /** micro-benchmarks: {@code bench.json} and a report */
        BENCHMARK,
        /** neither: listed so the user can see and delete it */
        UNKNOWN
    }

    static final String BENCH_FILE = "bench.json";
    private static final DateTimeFormatter FOLDER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** @return the entry of {@code folder}; never throws (an unreadable folder says so in {@link #status}) */
    public static RunEntry of(Path folder) {
        String name = folder.getFileName().toString();
        Instant date = date(folder);
        try {
            if (Files.isRegularFile(folder.resolve("results.json"))) {
                JsonObject doc = (JsonObject) parse(folder.resolve("results.json"));
                JsonObject sc = (JsonObject) doc.get("scenario");
                JsonObject st = (JsonObject) doc.get("status");
                long failed = ((JsonValue.JsonNumber) st.get("failed")).longValue();
                boolean cancelled = st.get("cancelled") instanceof JsonValue.JsonBoolean b && b.value();
                String status = cancelled ? "cancelled" : failed > 0 ? failed + " failed" : "ok";
                return new RunEntry(folder, Kind.EXPERIMENT, name, text(sc.get("name")), date, text(sc.get("seed")), text(st.get("runs")), status);
            }
            if (Files.isRegularFile(folder.resolve(BENCH_FILE))) {
                JsonObject doc = (JsonObject) parse(folder.resolve(BENCH_FILE));
                int cases = doc.get("measurements") instanceof JsonValue.JsonArray a ? a.elements().size() : 0;
                String status = doc.get("cancelled") instanceof JsonValue.JsonBoolean b && b.value() ? "cancelled" : "ok";
                return new RunEntry(folder, Kind.BENCHMARK, name, "micro-benchmarks", date, "-", Integer.toString(cases), status);
            }
            return new RunEntry(folder, Kind.UNKNOWN, name, "?", date, "-", "-", "no results.json or bench.json");
        } catch (IOException | RuntimeException e) {
            return new RunEntry(folder, Kind.UNKNOWN, name, "?", date, "-", "-", "unreadable: " + e.getMessage());
        }
    }

    /** @return the date as shown in the view, local time */
    public String dateText() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()).format(date);
    }

    private static Instant date(Path folder) {
        try {
            Map<String, String> info = ResultReader.readRunInfo(folder);
            if (info.containsKey("Date")) {
                return Instant.parse(info.get("Date"));
            }
        } catch (IOException | DateTimeParseException e) {
            // fall back to the folder's name or time
        }
        String name = folder.getFileName().toString();
        if (name.length() >= 15) {
            try {
                return LocalDateTime.parse(name.substring(0, 15), FOLDER_DATE).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                // not a workbench-made name
            }
        }
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static JsonValue parse(Path file) throws IOException {
        try {
            return JsonParser.parse(Files.readString(file), file.toString());
        } catch (JsonSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String text(JsonValue v) {
        if (v == null) {
            return "-";
        }
        return v instanceof JsonValue.JsonString s ? s.value() : String.valueOf(v.toPlain());
    }
}
