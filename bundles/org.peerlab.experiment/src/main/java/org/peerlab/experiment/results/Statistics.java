package org.peerlab.experiment.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.peerlab.experiment.MetricKind;

/** Statistics across replications: mean, sample standard deviation and Student-t 95% interval. */
public final class Statistics {

    private Statistics() {
    }

    /**
     * @param pointIndex the point
     * @param runs       the point's successful runs, in replication order
     * @return one entry per metric any run recorded, sorted by metric name
     */
    public static List<MetricStatistics> of(int pointIndex, List<RunResult> runs) {
        Map<String, MetricKind> kinds = new TreeMap<>();
        for (RunResult r : runs) {
            r.metrics().forEach(m -> kinds.putIfAbsent(m.metric(), m.kind()));
        }
        List<MetricStatistics> out = new ArrayList<>();
        for (Map.Entry<String, MetricKind> e : kinds.entrySet()) {
            SummaryStatistics s = new SummaryStatistics();
            for (RunResult r : runs) {
                var m = r.metric(e.getKey());
                if (m.isPresent()) {
                    s.addValue(m.get().value());
                } else if (e.getValue() == MetricKind.COUNTER) {
                    s.addValue(0);
                }
            }
            out.add(of(pointIndex, e.getKey(), e.getValue(), s));
        }
        return out;
    }

    static MetricStatistics of(int pointIndex, String metric, MetricKind kind, SummaryStatistics s) {
        int n = (int) s.getN();
        double sd = n >= 2 ? s.getStandardDeviation() : Double.NaN;
        return new MetricStatistics(pointIndex, metric, kind, n, n == 0 ? Double.NaN : s.getMean(), sd, halfWidth95(n, sd),
                n == 0 ? Double.NaN : s.getMin(), n == 0 ? Double.NaN : s.getMax());
    }

    /** @return the 95% confidence half-width of a mean of {@code n} values with sample sd {@code sd} (NaN when n &lt; 2) */
    public static double halfWidth95(int n, double sd) {
        if (n < 2) {
            return Double.NaN;
        }
        // No random generator: the distribution is only asked for a quantile, never sampled.
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return t * sd / Math.sqrt(n);
    }
}
