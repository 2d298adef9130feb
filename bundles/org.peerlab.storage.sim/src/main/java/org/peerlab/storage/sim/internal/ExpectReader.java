package org.peerlab.storage.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.SweepPoint;

/**
 * {@code workload.expect}, as every PeerLab workload reads it (see {@code simulation/README.md},
 * "Reference values"): entries {@code metric}, {@code value}, {@code tolerance}, {@code source}
 * and {@code when} (sweep path to value; the entry applies only where all match, numbers
 * compared by value). The metric must be one the workload declares or a {@code .}-suffixed form.
 */
final class ExpectReader {

    private ExpectReader() {
    }

    /** @return the point's swept values as text, by path */
    static Map<String, String> swept(SweepPoint point) {
        Map<String, String> out = new LinkedHashMap<>();
        point.assignments().forEach((k, v) -> out.put(k, SweepPoint.text(v)));
        return out;
    }

    /**
     * @param values the point's swept values ({@link #swept}), or {@code null} to check structure only
     * @return the entries that apply at the point (none when {@code values} is null)
     */
    static List<Expectation> read(Params workload, Map<String, String> values, List<String> metrics) throws ScenarioException {
        List<Expectation> out = new ArrayList<>();
        for (Params e : workload.get("expect").elements()) {
            e.allowOnly("metric", "value", "tolerance", "source", "when");
            String metric = e.get("metric").required("the metric compared").asString();
            if (metrics.stream().noneMatch(m -> m.equals(metric) || metric.startsWith(m + "."))) {
                throw e.get("metric").problem("unknown metric '" + metric + "' (known: " + String.join(", ", metrics) + ")");
            }
            double value = e.number("value", -Double.MAX_VALUE, Double.MAX_VALUE);
            double tolerance = e.number("tolerance", 0, 0, Double.MAX_VALUE);
            String source = e.string("source", "scenario");
            boolean applies = true;
            Params when = e.get("when");
            for (String path : when.keys()) {
                if (values == null) {
                    when.get(path).required("a value");
                    continue;
                }
                if (!values.containsKey(path)) {
                    throw when.get(path).problem("'" + path + "' is not a sweep parameter (swept: " + String.join(", ", values.keySet()) + ")");
                }
                applies &= canonical(values.get(path)).equals(canonical(SweepPoint.text(when.get(path).json())));
            }
            if (applies && values != null) {
                out.add(new Expectation(source + ": " + metric + " = " + value + (tolerance > 0 ? " +/- " + tolerance : ""), metric, value,
                        tolerance));
            }
        }
        return out;
    }

    private static String canonical(String v) {
        try {
            return Double.toString(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
