package org.peerlab.experiment.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.SweepAxis;
import org.peerlab.experiment.SweepPoint;

/** The document in {@code results.json}: plain maps and lists in a fixed order, NaN as null. */
final class ResultJson {

    private ResultJson() {
    }

    static Map<String, Object> of(ExperimentResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario(r.scenario()));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("runs", r.runs().size());
        status.put("completed", r.completed());
        status.put("failed", r.failures().size());
        status.put("cancelled", r.cancelled());
        m.put("status", status);
        List<Object> points = new ArrayList<>();
        for (SweepPoint p : r.points()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("index", p.index());
            pm.put("label", p.label());
            pm.put("values", p.values());
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (MetricStatistics s : r.statistics()) {
                if (s.pointIndex() == p.index()) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("kind", s.kind().label());
                    sm.put("n", s.n());
                    sm.put("mean", s.mean());
                    sm.put("sd", s.sd());
                    sm.put("ci95", s.ci95());
                    sm.put("min", s.min());
                    sm.put("max", s.max());
                    metrics.put(s.metric(), sm);
                }
            }
            pm.put("metrics", metrics);
            points.add(pm);
        }
        m.put("points", points);
        List<Object> checks = new ArrayList<>();
        for (ExpectationCheck c : r.expectations()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("point", c.pointIndex());
            cm.put("name", c.expectation().name());
            cm.put("metric", c.expectation().metric());
            cm.put("expected", c.expectation().expected());
            cm.put("measured", c.measured());
            cm.put("ci95", c.ci95());
            cm.put("tolerance", c.expectation().tolerance());
            cm.put("pass", c.pass());
            checks.add(cm);
        }
        m.put("expectations", checks);
        m.put("notes", r.notes());
        m.put("runs", runs(r));
        return m;
    }

    private static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("workload", s.workload());
        m.put("seed", s.seed());
        m.put("replications", s.replications());
        m.put("duration_s", s.durationNanos() == 0 ? null : s.durationNanos() / 1e9);
        m.put("metrics", s.metrics());
        Map<String, Object> sweep = new LinkedHashMap<>();
        for (SweepAxis a : s.sweep()) {
            sweep.put(a.path(), a.values().stream().map(v -> v.toPlain()).toList());
        }
        m.put("sweep", sweep);
        m.put("parameters", s.parameters().toPlain());
        return m;
    }

    private static List<Object> runs(ExperimentResult r) {
        List<Object> runs = new ArrayList<>();
        for (RunResult run : r.runs()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("point", run.pointIndex());
            rm.put("replication", run.replication());
            rm.put("status", run.status().label());
            rm.put("end_s", run.endNanos() / 1e9);
            rm.put("events", run.events());
            if (run.failure() != null) {
                rm.put("failure", run.failure());
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (MetricSummary ms : run.metrics()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("kind", ms.kind().label());
                mm.put("count", ms.count());
                mm.put("value", ms.value());
                mm.put("sd", ms.sd());
                mm.put("min", ms.min());
                mm.put("max", ms.max());
                if (ms.kind() == org.peerlab.experiment.MetricKind.SERIES) {
                    mm.put("last", ms.last());
                }
                metrics.put(ms.metric(), mm);
            }
            rm.put("metrics", metrics);
            runs.add(rm);
        }
        return runs;
    }
}
