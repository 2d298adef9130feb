package org.peerlab.experiment.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.SweepPoint;

/**
 * The outcome of an experiment: every run (in point, then replication order, whatever order
 * they finished in), the statistics per point and metric, expectation checks and notes.
 * Depends only on the scenario, the seed and the code, never on timing or thread count.
 *
 * @param scenario     the scenario as run (with command-line seed and replications applied)
 * @param points       the sweep points
 * @param runs         one per point and replication
 * @param statistics   per point, then metric name
 * @param expectations per point, in the order the workload gave them
 * @param notes        the workload's notes, each once, in order of first appearance
 * @param cancelled    whether the experiment was cancelled before all runs finished
 */
public record ExperimentResult(Scenario scenario, List<SweepPoint> points, List<RunResult> runs, List<MetricStatistics> statistics,
        List<ExpectationCheck> expectations, List<String> notes, boolean cancelled) {

    public ExperimentResult {
        Objects.requireNonNull(scenario, "scenario");
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        statistics = List.copyOf(statistics);
        expectations = List.copyOf(expectations);
        notes = List.copyOf(notes);
    }

    /**
     * Builds the statistics, checks and notes from the runs.
     *
     * @param runs one per point and replication, ordered by point then replication
     */
    public static ExperimentResult of(Scenario scenario, List<SweepPoint> points, List<RunResult> runs, boolean cancelled) {
        List<MetricStatistics> stats = new ArrayList<>();
        List<ExpectationCheck> checks = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (SweepPoint p : points) {
            List<RunResult> ok = runs.stream().filter(r -> r.pointIndex() == p.index() && r.status() == RunResult.Status.OK).toList();
            List<MetricStatistics> pointStats = Statistics.of(p.index(), ok);
            stats.addAll(pointStats);
            ok.forEach(r -> notes.addAll(r.output().notes()));
            if (!ok.isEmpty()) {
                for (Expectation e : ok.get(0).output().expectations()) {
                    MetricStatistics s = pointStats.stream().filter(m -> m.metric().equals(e.metric())).findFirst().orElse(null);
                    checks.add(ExpectationCheck.of(p.index(), e, s));
                }
            }
        }
        return new ExperimentResult(scenario, points, runs, stats, checks, List.copyOf(notes), cancelled);
    }

    /** @return runs that failed */
    public List<RunResult> failures() {
        return runs.stream().filter(r -> r.status() == RunResult.Status.FAILED).toList();
    }

    /** @return runs that completed */
    public long completed() {
        return runs.stream().filter(r -> r.status() == RunResult.Status.OK).count();
    }

    /** @return the statistics of {@code metric} at point {@code pointIndex} */
    public Optional<MetricStatistics> statistics(int pointIndex, String metric) {
        return statistics.stream().filter(s -> s.pointIndex() == pointIndex && s.metric().equals(metric)).findFirst();
    }

    /** @return every metric name with statistics, sorted */
    public List<String> metricNames() {
        return statistics.stream().map(MetricStatistics::metric).distinct().sorted().toList();
    }
}
