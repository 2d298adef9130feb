package org.peerlab.ui.internal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.bench.BenchResult;
import org.peerlab.bench.Measurement;
import org.peerlab.core.json.Json;
import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;

/**
 * A benchmark result on disk, {@code bench.json} in a run folder: every measurement, the machine
 * description and the wall time, so the Runs view can draw the report's charts again.
 */
public final class BenchStore {

    /** The file's name in a run folder. */
    public static final String FILE = "bench.json";

    private BenchStore() {
    }

    /** Writes {@code dir/bench.json} (atomically). */
    public static void write(BenchResult r, boolean cancelled, Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", r.seconds());
        m.put("cancelled", cancelled);
        m.put("machine", r.machine());
        List<Object> list = new ArrayList<>();
        for (Measurement x : r.measurements()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("family", x.family());
            mm.put("strategy", x.strategy());
            mm.put("operation", x.operation());
            mm.put("parameters", x.parameters());
            mm.put("unit", x.unit());
            mm.put("mean", x.mean());
            mm.put("sd", x.stdDev());
            mm.put("ci95", x.ci95());
            mm.put("iterations", x.iterations());
            mm.put("operations", x.operations());
            list.add(mm);
        }
        m.put("measurements", list);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, Json.write(m) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @return the result in {@code dir/bench.json}
     * @throws IOException when it is missing, unreadable or not in this format
     */
    public static BenchResult read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        JsonValue v;
        try {
            v = JsonParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (JsonSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            JsonObject o = (JsonObject) v;
            Map<String, String> machine = new LinkedHashMap<>();
            ((JsonObject) o.get("machine")).members().forEach((k, m) -> machine.put(k, String.valueOf(m.value().toPlain())));
            List<Measurement> ms = new ArrayList<>();
            for (JsonValue e : ((JsonValue.JsonArray) o.get("measurements")).elements()) {
                JsonObject x = (JsonObject) e;
                ms.add(new Measurement(str(x, "family"), str(x, "strategy"), str(x, "operation"), str(x, "parameters"), str(x, "unit"),
                        num(x, "mean"), num(x, "sd"), num(x, "ci95"), (int) num(x, "iterations"), (long) num(x, "operations")));
            }
            return new BenchResult(ms, machine, num(o, "seconds"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IOException(file + " is not a PeerLab benchmark result: " + e.getMessage(), e);
        }
    }

    private static String str(JsonObject o, String key) {
        return ((JsonValue.JsonString) o.get(key)).value();
    }

    private static double num(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonValue.JsonNumber n ? n.doubleValue() : Double.NaN;
    }
}
