package org.peerlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.core.json.SourcePosition;
import org.peerlab.core.strategy.MissingStrategyHints;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.ScenarioException.Problem;

/**
 * The second level of validation and the sweep expansion: the workload must be installed, the
 * listed metrics known to it, named strategies installed (when a registry is given), and every
 * sweep point's resolved parameters must pass {@link Workload#validate}. Problems of all points
 * are collected, each reported once, in file order.
 */
public final class ScenarioCheck {

    private ScenarioCheck() {
    }

    /**
     * @param registry the installed strategies, or {@code null} to skip the strategy name check
     * @return the checked sweep points, in expansion order
     * @throws ScenarioException with every problem found
     */
    public static List<SweepPoint> check(Scenario scenario, WorkloadCatalog catalog, StrategyRegistry registry) throws ScenarioException {
        return check(scenario, catalog, registry, null);
    }

    /**
     * As {@link #check(Scenario, WorkloadCatalog, StrategyRegistry)}; a strategy that is not
     * installed is reported with {@code hints}' advice on how to get it, when it has some.
     *
     * @param hints where missing strategies come from, or {@code null} for no advice
     */
    public static List<SweepPoint> check(Scenario scenario, WorkloadCatalog catalog, StrategyRegistry registry, MissingStrategyHints hints)
            throws ScenarioException {
        Params doc = Params.of("", scenario.document());
        Params nameNode = doc.get("workload").get("name");
        Optional<Workload> workload = catalog.find(scenario.workload());
        if (workload.isEmpty()) {
            throw nameNode.problem("unknown workload '" + scenario.workload() + "' (known: " + String.join(", ", catalog.names()) + ")");
        }
        Set<Problem> problems = new LinkedHashSet<>();
        List<MetricInfo> declared = workload.get().metrics();
        if (!declared.isEmpty()) {
            List<String> known = declared.stream().map(MetricInfo::name).sorted().toList();
            for (Params m : doc.get("metrics").elements()) {
                if (!known.contains(m.asString())) {
                    problems.add(new Problem(m.position(), m.path(), "unknown metric '" + m.asString() + "' (known: " + String.join(", ", known) + ")"));
                }
            }
        }
        List<SweepPoint> points = expand(scenario);
        for (SweepPoint p : points) {
            if (registry != null) {
                strategies(p.params().get("strategies"), registry, hints, problems);
            }
            try {
                workload.get().validate(p.params());
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            } catch (RuntimeException e) {
                throw new IllegalStateException("workload '" + workload.get().name() + "' failed to validate point " + p.label() + ": " + e, e);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.stream().sorted(ScenarioException.BY_POSITION).toList());
        }
        return points;
    }

    /**
     * The cartesian product of the sweep axes, first axis slowest; each point's parameters are
     * the base parameters with the swept paths set (created when the base does not give them).
     */
    public static List<SweepPoint> expand(Scenario scenario) throws ScenarioException {
        List<SweepAxis> axes = scenario.sweep();
        int total = scenario.pointCount();
        List<SweepPoint> points = new ArrayList<>(total);
        int[] digit = new int[axes.size()];
        for (int index = 0; index < total; index++) {
            int rest = index;
            for (int a = axes.size() - 1; a >= 0; a--) {
                int n = axes.get(a).values().size();
                digit[a] = rest % n;
                rest /= n;
            }
            Map<String, JsonValue> assignments = new LinkedHashMap<>();
            JsonObject params = scenario.parameters();
            for (int a = 0; a < axes.size(); a++) {
                SweepAxis axis = axes.get(a);
                JsonValue value = axis.values().get(digit[a]);
                assignments.put(axis.path(), value);
                params = set(params, axis.path().split("\\."), 0, value, axis);
            }
            points.add(new SweepPoint(index, assignments, params));
        }
        return points;
    }

    private static JsonObject set(JsonObject o, String[] parts, int i, JsonValue value, SweepAxis axis) throws ScenarioException {
        SourcePosition at = axis.keyPosition();
        if (i == parts.length - 1) {
            return o.with(parts[i], at, value);
        }
        JsonValue child = o.get(parts[i]);
        if (child == null) {
            child = new JsonObject(at, Map.of());
        } else if (!(child instanceof JsonObject)) {
            String prefix = String.join(".", List.of(parts).subList(0, i + 1));
            throw new ScenarioException(at, "sweep." + axis.path(), "cannot set it: " + prefix + " is a " + child.typeName() + ", not an object");
        }
        return o.with(parts[i], at, set((JsonObject) child, parts, i + 1, value, axis));
    }

    private static void strategies(Params strategies, StrategyRegistry registry, MissingStrategyHints hints, Set<Problem> problems)
            throws ScenarioException {
        for (String family : strategies.keys()) {
            Params p = strategies.get(family);
            List<String> names = registry.family(family).strategies().stream().map(RegisteredStrategy::name).toList();
            if (names.isEmpty()) {
                problems.add(new Problem(p.position(), p.path(), "no strategy of family '" + family + "' is installed (families: "
                        + String.join(", ", registry.families()) + ")" + hint(hints, family, p)));
            } else if (!names.contains(p.asString())) {
                problems.add(new Problem(p.position(), p.path(), "unknown value '" + p.asString() + "' (known: " + String.join(", ", names) + ")"
                        + hint(hints, family, p)));
            }
        }
    }

    private static String hint(MissingStrategyHints hints, String family, Params name) {
        if (hints == null || !(name.json() instanceof JsonValue.JsonString s)) {
            return "";
        }
        return hints.hintFor(family, s.value()).map(h -> "; " + h).orElse("");
    }
}
