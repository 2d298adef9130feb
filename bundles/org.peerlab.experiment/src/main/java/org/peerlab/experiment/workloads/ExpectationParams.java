package org.peerlab.experiment.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.SweepPoint;

/**
 * Reference figures a scenario states for its workload, checked against the measured means:
 * {@code "expect": [{"metric": "success-rate", "value": 0.82, "tolerance": 0.039,
 * "source": "Ford et al. 2005", "when": {"strategies.nat-traversal": "stun-punch"}}]}. An entry
 * with {@code when} applies only at the sweep points whose parameters have those values.
 */
public final class ExpectationParams {

    private ExpectationParams() {
    }

    /**
     * @param values the point's swept values by path ({@link SweepPoint#text}), for {@code when};
     *               {@code null} checks the entries' structure only (when validating)
     * @return the expectations that apply
     */
    public static Map<String, String> swept(SweepPoint point) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        point.assignments().forEach((k, v) -> out.put(k, SweepPoint.text(v)));
        return out;
    }

    public static List<Expectation> read(Params workload, Map<String, String> values, List<String> metrics) throws ScenarioException {
        Params list = workload.get("expect");
        List<Expectation> out = new ArrayList<>();
        if (!list.present()) {
            return out;
        }
        for (Params e : list.elements()) {
            e.allowOnly("metric", "value", "tolerance", "source", "when");
            String metric = e.get("metric").required("the metric compared").asString();
            if (!metrics.isEmpty() && metrics.stream().noneMatch(m -> m.equals(metric) || metric.startsWith(m + "."))) {
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
                String wanted = SweepPoint.text(when.get(path).json());
                if (!values.containsKey(path)) {
                    throw when.get(path).problem("'" + path + "' is not a sweep parameter (swept: " + String.join(", ", values.keySet()) + ")");
                }
                applies &= canonical(values.get(path)).equals(canonical(wanted));
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
