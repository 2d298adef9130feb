package org.peerlab.experiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.core.json.SourcePosition;
import org.peerlab.experiment.ScenarioException.Problem;

/**
 * Reads a JSON scenario file and checks its structure: known top-level keys, their types and
 * ranges, a workload name, strategy names as strings, sweep paths into the parameter sections.
 * Every problem found is reported at once, in file order, each with file, line, column and key. What a
 * workload's parameters mean is checked later by {@link ScenarioCheck} with the workload itself.
 * See {@code simulation/README.md} for the format.
 */
public final class ScenarioReader {

    /** The parameter sections a sweep path may start with. */
    public static final List<String> SECTIONS = List.of("workload", "network", "population", "strategies");
    /** Top-level keys of a scenario. */
    public static final List<String> KEYS = List.of("name", "description", "workload", "network", "population", "strategies", "metrics",
            "sweep", "replications", "seed", "duration");
    /** Most sweep points a scenario may expand to. */
    public static final int MAX_POINTS = 100_000;

    private final List<Problem> problems = new ArrayList<>();

    private ScenarioReader() {
    }

    /** Reads {@code file} (UTF-8); positions name it as given. */
    public static Scenario read(Path file) throws IOException, ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(new SourcePosition(file.toString(), 1, 1), "", "not UTF-8 text");
        }
        return parse(text, file.toString());
    }

    /** Parses scenario {@code text}; {@code source} names it in positions. */
    public static Scenario parse(String text, String source) throws ScenarioException {
        JsonValue json;
        try {
            json = JsonParser.parse(text, source);
        } catch (JsonSyntaxException e) {
            throw new ScenarioException(e.position(), "", e.reason());
        }
        return new ScenarioReader().scenario(text, source, json);
    }

    private Scenario scenario(String text, String source, JsonValue json) throws ScenarioException {
        Params root = Params.of("", json);
        if (!(json instanceof JsonObject top)) {
            throw root.problem("a scenario is a JSON object, found " + json.typeName());
        }
        check(() -> root.allowOnly(KEYS));
        String name = attempt(() -> {
            String n = root.get("name").required("a string").asString();
            if (!n.matches("[a-z0-9][a-z0-9._-]*")) {
                throw root.get("name").problem("'" + n + "' must be lower-case letters, digits, '.', '_' and '-' (it names the results folder)");
            }
            return n;
        }, "scenario");
        String description = attempt(() -> root.string("description", ""), "");
        Params workload = attemptParams(root, "workload");
        String workloadName = attempt(() -> workload.get("name").required("a string naming the workload").asString(), "");
        Map<String, JsonObject> sections = new LinkedHashMap<>();
        for (String s : SECTIONS) {
            JsonValue v = top.get(s);
            if (v == null) {
                sections.put(s, new JsonObject(json.position(), Map.of()));
            } else if (v instanceof JsonObject o) {
                sections.put(s, s.equals("workload") ? o.without("name") : o);
            } else if (!s.equals("workload")) {
                problems.add(new Problem(v.position(), s, "expected an object, found " + v.typeName()));
            }
        }
        Params strategies = attemptParams(root, "strategies");
        check(() -> {
            for (String family : strategies.keys()) {
                strategies.get(family).asString();
            }
        });
        List<String> metrics = metrics(root);
        List<SweepAxis> sweep = sweep(root);
        int replications = (int) attempt(() -> root.integer("replications", 1, 1, 1_000_000), 1L).longValue();
        long seed = attempt(() -> root.get("seed").required("a whole number").asInteger(Long.MIN_VALUE, Long.MAX_VALUE), 0L);
        double duration = attempt(() -> root.number("duration", 0, Double.MIN_VALUE, 9.2e9), 0.0);
        long points = 1;
        for (SweepAxis a : sweep) {
            points *= a.values().size();
            if (points > MAX_POINTS) {
                problems.add(new Problem(a.keyPosition(), "sweep", "the sweep expands to more than " + MAX_POINTS + " points"));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.stream().distinct().sorted(ScenarioException.BY_POSITION).toList());
        }
        JsonObject parameters = new JsonObject(json.position(), Map.of());
        for (String s : SECTIONS) {
            JsonValue.Member m = top.member(s);
            parameters = parameters.with(s, m == null ? json.position() : m.keyPosition(), sections.get(s));
        }
        return new Scenario(source, text, name, description, workloadName, parameters, metrics, sweep, replications, seed,
                Math.round(duration * 1e9), top);
    }

    private List<String> metrics(Params root) {
        List<String> out = new ArrayList<>();
        check(() -> {
            Set<String> seen = new HashSet<>();
            for (Params m : root.get("metrics").elements()) {
                String s = m.asString();
                if (!seen.add(s)) {
                    throw m.problem("metric '" + s + "' is listed twice");
                }
                out.add(s);
            }
        });
        return out;
    }

    private List<SweepAxis> sweep(Params root) {
        List<SweepAxis> out = new ArrayList<>();
        check(() -> {
            Params sweep = root.get("sweep");
            if (!sweep.present()) {
                return;
            }
            JsonObject o = sweep.json() instanceof JsonObject obj ? obj : null;
            if (o == null) {
                throw sweep.problem("expected an object of parameter paths to lists of values, found " + sweep.json().typeName());
            }
            for (JsonValue.Member m : o.members().values()) {
                check(() -> out.add(axis(m)));
            }
        });
        return out;
    }

    private SweepAxis axis(JsonValue.Member m) throws ScenarioException {
        String path = m.key();
        String[] parts = path.split("\\.", -1);
        String where = "sweep." + path;
        if (parts.length < 2 || !SECTIONS.contains(parts[0]) || List.of(parts).contains("")) {
            throw new ScenarioException(m.keyPosition(), where,
                    "a sweep key is a parameter path such as network.loss or workload.cipher, starting with one of: " + String.join(", ", SECTIONS));
        }
        if (path.equals("workload.name")) {
            throw new ScenarioException(m.keyPosition(), where, "the workload cannot be swept; write one scenario per workload");
        }
        Params values = Params.of(where, m.value());
        List<JsonValue> list = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Params v : values.elements()) {
            if (!seen.add(v.json().toPlain())) {
                throw v.problem("value " + SweepPoint.text(v.json()) + " is listed twice");
            }
            list.add(v.json());
        }
        if (list.isEmpty()) {
            throw values.problem("a sweep needs at least one value");
        }
        return new SweepAxis(path, m.keyPosition(), list);
    }

    private Params attemptParams(Params root, String key) {
        return attempt(() -> root.get(key), null);
    }

    private interface Read<T> {
        T get() throws ScenarioException;
    }

    private interface Check {
        void run() throws ScenarioException;
    }

    private <T> T attempt(Read<T> read, T fallback) {
        try {
            return read.get();
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    private void check(Check c) {
        try {
            c.run();
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
        }
    }
}
