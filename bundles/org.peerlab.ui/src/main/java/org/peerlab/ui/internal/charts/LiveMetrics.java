package org.peerlab.ui.internal.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.run.MetricEvent;

/**
 * What the live charts of one running experiment show, accumulated from the runner's
 * {@link MetricEvent} batches:
 * <ul>
 * <li>throughput over virtual time of replication 0 of the first {@value #MAX_POINTS} sweep
 * points, from {@code delivered-bytes/*} series ({@link ThroughputBins});</li>
 * <li>NAT traversal success by strategy: the running mean of {@code success-rate} (or
 * {@code <strategy>.success-rate}) observations, per strategy and per combination of the other
 * swept values;</li>
 * <li>audit and durability metrics when a workload records them (names containing audit,
 * durab, repair, availab or lost): their running figure over virtual time, per point, replication 0.
 * A workload that records none of the three gets all its metrics this way instead.</li>
 * </ul>
 * Thread-safe: {@link #add} is called on runner threads, {@link #snapshot} on the UI thread.
 */
public final class LiveMetrics {

    /** Sweep points with a throughput line (the report shows as many time series). */
    public static final int MAX_POINTS = 12;
    private static final int MAX_TRACK_POINTS = 600;
    private static final Pattern DURABILITY = Pattern.compile(".*(audit|durab|repair|availab|lost).*");
    private static final String TRAVERSAL_FAMILY = "nat-traversal";
    private static final String DELIVERED = "delivered-bytes/";
    private static final String SUCCESS = "success-rate";

    /** One chart point. */
    public record XY(double x, double y) {
    }

    /**
     * A copy of the charts' data.
     *
     * @param events     metric events received so far
     * @param throughput line label to goodput points (x seconds, y Mbit/s)
     * @param success    series label to strategy to success rate (0 to 1)
     * @param other      line label ({@code metric @ point}) to points (x seconds, y the metric's running figure)
     * @param durability whether {@code other} holds audit and durability metrics (else: every metric of a
     *                   workload that records none of the three kinds, or nothing)
     */
    public record Snapshot(long events, Map<String, List<XY>> throughput, Map<String, Map<String, Double>> success,
            Map<String, List<XY>> other, boolean durability) {

        /** @return chart items in the snapshot (points and bars) */
        public int items() {
            int n = 0;
            for (List<XY> l : throughput.values()) {
                n += l.size();
            }
            for (Map<String, Double> m : success.values()) {
                n += m.size();
            }
            for (List<XY> l : other.values()) {
                n += l.size();
            }
            return n;
        }
    }

    private final List<String> labels = new ArrayList<>();
    private final List<String> strategies = new ArrayList<>();
    private final List<String> others = new ArrayList<>();
    private final Map<Integer, ThroughputBins> throughput = new TreeMap<>();
    private final Map<String, Map<String, double[]>> success = new TreeMap<>();
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final Map<String, Track> fallback = new LinkedHashMap<>();
    private long events;

    /** @param points the experiment's sweep points, in expansion order */
    public LiveMetrics(List<SweepPoint> points) {
        for (SweepPoint p : points) {
            labels.add(p.label());
            JsonValue family = p.parameters().get("strategies") instanceof JsonObject s ? s.get(TRAVERSAL_FAMILY) : null;
            strategies.add(family instanceof JsonValue.JsonString name ? name.value() : null);
            StringBuilder rest = new StringBuilder();
            p.assignments().forEach((path, value) -> {
                if (!path.equals("strategies." + TRAVERSAL_FAMILY)) {
                    rest.append(rest.isEmpty() ? "" : ", ").append(path).append('=').append(SweepPoint.text(value));
                }
            });
            others.add(rest.isEmpty() ? SUCCESS : rest.toString());
        }
    }

    /** Takes one batch of live events (any thread). */
    public synchronized void add(List<MetricEvent> batch) {
        for (MetricEvent e : batch) {
            events++;
            int point = e.pointIndex();
            if (point < 0 || point >= labels.size()) {
                continue; // not a point of this experiment: nothing to draw it against
            }
            String metric = e.metric();
            if (metric.startsWith(DELIVERED)) {
                if (e.replication() == 0 && point < MAX_POINTS) {
                    throughput.computeIfAbsent(point, i -> new ThroughputBins()).add(metric.substring(DELIVERED.length()), e.timeNanos(), e.value());
                }
            } else if (metric.equals(SUCCESS) || metric.endsWith("." + SUCCESS)) {
                String strategy = metric.equals(SUCCESS) ? strategies.get(point) : metric.substring(0, metric.length() - SUCCESS.length() - 1);
                double[] tally = success.computeIfAbsent(others.get(point), k -> new TreeMap<>())
                        .computeIfAbsent(strategy == null ? "(unnamed)" : strategy, k -> new double[2]);
                tally[0] += e.value();
                tally[1]++;
            } else if (e.replication() == 0 && point < MAX_POINTS) {
                Map<String, Track> into = DURABILITY.matcher(metric).matches() ? tracks : fallback;
                into.computeIfAbsent(metric + " @ " + labels.get(point), k -> new Track()).add(e);
            }
        }
    }

    /** @return a copy of what the charts show now */
    public synchronized Snapshot snapshot() {
        Map<String, List<XY>> t = new LinkedHashMap<>();
        throughput.forEach((point, bins) -> t.put(labels.get(point), bins.points()));
        Map<String, Map<String, Double>> s = new LinkedHashMap<>();
        success.forEach((series, byStrategy) -> {
            Map<String, Double> rates = new LinkedHashMap<>();
            byStrategy.forEach((strategy, tally) -> rates.put(strategy, tally[0] / tally[1]));
            s.put(series, rates);
        });
        Map<String, List<XY>> o = new LinkedHashMap<>();
        boolean onlyFallback = tracks.isEmpty() && throughput.isEmpty() && success.isEmpty();
        (onlyFallback ? fallback : tracks).forEach((name, track) -> o.put(name, List.copyOf(track.points)));
        return new Snapshot(events, t, s, o, !tracks.isEmpty());
    }

    /** The running figure of one metric of one run: mean of observations, total of counts, or the sample itself. */
    private static final class Track {
        final List<XY> points = new ArrayList<>();
        double sum;
        long count;
        int stride = 1;
        long seen;

        void add(MetricEvent e) {
            double y = switch (e.kind()) {
                case OBSERVATION -> {
                    sum += e.value();
                    yield sum / ++count;
                }
                case COUNTER -> sum += e.value();
                case SERIES -> e.value();
            };
            if (seen++ % stride != 0) {
                return;
            }
            points.add(new XY(e.timeNanos() / 1e9, y));
            if (points.size() > MAX_TRACK_POINTS) { // keep every other point and sample half as often from now on
                List<XY> thinned = new ArrayList<>();
                for (int i = 0; i < points.size(); i += 2) {
                    thinned.add(points.get(i));
                }
                points.clear();
                points.addAll(thinned);
                stride *= 2;
            }
        }
    }
}
