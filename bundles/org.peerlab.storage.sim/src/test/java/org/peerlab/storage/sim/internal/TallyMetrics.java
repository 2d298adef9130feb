package org.peerlab.storage.sim.internal;

import java.util.Map;
import java.util.TreeMap;

import org.peerlab.sim.Metrics;

/** A metrics sink for tests: totals of counters, sums and counts of observations, last value of series. */
final class TallyMetrics implements Metrics {

    final Map<String, Double> counters = new TreeMap<>();
    final Map<String, double[]> observations = new TreeMap<>();
    final Map<String, Double> series = new TreeMap<>();

    @Override
    public void sample(String metric, long time, double value) {
        series.put(metric, value);
    }

    @Override
    public void observe(String metric, double value) {
        double[] s = observations.computeIfAbsent(metric, m -> new double[2]);
        s[0] += value;
        s[1]++;
    }

    @Override
    public void count(String metric, double amount) {
        counters.merge(metric, amount, Double::sum);
    }

    /** @return the mean of {@code metric}'s observations */
    double mean(String metric) {
        double[] s = observations.get(metric);
        if (s == null) {
            throw new AssertionError("no observations of " + metric + " (have " + observations.keySet() + ")");
        }
        return s[0] / s[1];
    }

    /** @return how many observations of {@code metric} were made */
    long n(String metric) {
        double[] s = observations.get(metric);
        return s == null ? 0 : (long) s[1];
    }

    /** @return everything, as one comparable text */
    String dump() {
        StringBuilder b = new StringBuilder();
        counters.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        observations.forEach((k, v) -> b.append(k).append('=').append(v[0]).append('/').append(v[1]).append('\n'));
        series.forEach((k, v) -> b.append(k).append('~').append(v).append('\n'));
        return b.toString();
    }
}
