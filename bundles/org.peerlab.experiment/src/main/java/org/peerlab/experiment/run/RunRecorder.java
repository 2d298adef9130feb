package org.peerlab.experiment.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.results.MetricSummary;
import org.peerlab.experiment.results.TimeSeries;
import org.peerlab.sim.Metrics;

/**
 * The metrics sink of one run: keeps running summaries of every metric (kept ones only, when
 * the scenario lists metrics), the samples of each series (thinned deterministically beyond
 * {@value #SERIES_CAP} per series), and batches live {@link MetricEvent}s for listeners. One
 * metric name has one kind; recording it two ways is an {@link IllegalStateException}. Used by
 * the run's thread only.
 */
public final class RunRecorder implements Metrics {

    /** Most samples kept per series and run. */
    public static final int SERIES_CAP = 10_000;
    private static final int BATCH = 512;
    private static final long FLUSH_NANOS = 100_000_000L;

    private final int pointIndex;
    private final int replication;
    private final Set<String> keep;
    private final Consumer<List<MetricEvent>> live;
    private final Map<String, Track> tracks = new TreeMap<>();
    private LongSupplier clock = () -> 0;
    private List<MetricEvent> batch = new ArrayList<>();
    private long lastFlush = System.nanoTime();
    private int sinceCheck;

    /**
     * @param keep the metrics to record, or empty for all
     * @param live where to send batches of live events, or {@code null} for none
     */
    public RunRecorder(int pointIndex, int replication, Set<String> keep, Consumer<List<MetricEvent>> live) {
        this.pointIndex = pointIndex;
        this.replication = replication;
        this.keep = Set.copyOf(keep);
        this.live = live;
    }

    /** Gives the virtual clock that stamps observations and counts (the simulator's {@code now}). */
    public void clock(LongSupplier now) {
        this.clock = now;
    }

    @Override
    public void sample(String metric, long time, double value) {
        Track t = track(metric, MetricKind.SERIES);
        if (t != null) {
            t.sample(time, value);
            event(metric, MetricKind.SERIES, time, value);
        }
    }

    @Override
    public void observe(String metric, double value) {
        Track t = track(metric, MetricKind.OBSERVATION);
        if (t != null) {
            t.add(value);
            event(metric, MetricKind.OBSERVATION, clock.getAsLong(), value);
        }
    }

    @Override
    public void count(String metric, double amount) {
        Track t = track(metric, MetricKind.COUNTER);
        if (t != null) {
            t.count++;
            t.total += amount;
            event(metric, MetricKind.COUNTER, clock.getAsLong(), amount);
        }
    }

    private Track track(String metric, MetricKind kind) {
        if (!keep.isEmpty() && !keep.contains(metric)) {
            return null;
        }
        Track t = tracks.computeIfAbsent(metric, m -> new Track(kind));
        if (t.kind != kind) {
            throw new IllegalStateException("metric '" + metric + "' is recorded as " + t.kind.label() + " and as " + kind.label()
                    + "; give each kind its own name");
        }
        return t;
    }

    private void event(String metric, MetricKind kind, long time, double value) {
        if (live == null) {
            return;
        }
        batch.add(new MetricEvent(pointIndex, replication, metric, kind, time, value));
        if (batch.size() >= BATCH) {
            flush();
        } else if (++sinceCheck >= 64) {
            sinceCheck = 0;
            if (System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                flush();
            }
        }
    }

    /** Sends the live events not sent yet. */
    public void flush() {
        if (live != null && !batch.isEmpty()) {
            List<MetricEvent> out = batch;
            batch = new ArrayList<>();
            live.accept(List.copyOf(out));
        }
        lastFlush = System.nanoTime();
    }

    /** @return the summaries, sorted by metric name; series are averaged up to {@code endNanos} */
    public List<MetricSummary> summaries(long endNanos) {
        List<MetricSummary> out = new ArrayList<>();
        tracks.forEach((name, t) -> out.add(t.summary(name, endNanos)));
        return out;
    }

    /** @return the kept samples of every series, sorted by metric name */
    public List<TimeSeries> series() {
        List<TimeSeries> out = new ArrayList<>();
        tracks.forEach((name, t) -> {
            if (t.kind == MetricKind.SERIES) {
                out.add(new TimeSeries(name, Arrays.copyOf(t.times, t.kept), Arrays.copyOf(t.values, t.kept), t.stride));
            }
        });
        return out;
    }

    /** Running figures of one metric. */
    private static final class Track {
        final MetricKind kind;
        long count;
        double mean;
        double m2;
        double min = Double.NaN;
        double max = Double.NaN;
        double total;
        long firstTime = -1;
        long lastTime;
        double lastValue = Double.NaN;
        double weighted;
        long[] times = new long[0];
        double[] values = new double[0];
        int kept;
        int stride = 1;

        Track(MetricKind kind) {
            this.kind = kind;
        }

        void add(double v) {
            count++;
            double d = v - mean;
            mean += d / count;
            m2 += d * (v - mean);
            min = count == 1 ? v : Math.min(min, v);
            max = count == 1 ? v : Math.max(max, v);
        }

        void sample(long time, double v) {
            if (firstTime >= 0 && time < lastTime) {
                throw new IllegalArgumentException("sample of series at " + time + " ns is before the previous one at " + lastTime + " ns");
            }
            if (firstTime < 0) {
                firstTime = time;
            } else {
                weighted += lastValue * (time - lastTime);
            }
            if ((count % stride) == 0) {
                keep(time, v);
            }
            add(v);
            lastTime = time;
            lastValue = v;
        }

        private void keep(long time, double v) {
            if (kept == SERIES_CAP) {
                int n = 0;
                for (int i = 0; i < kept; i += 2) {
                    times[n] = times[i];
                    values[n++] = values[i];
                }
                kept = n;
                stride *= 2;
                if ((count % stride) != 0) {
                    return;
                }
            }
            if (kept == times.length) {
                int size = Math.min(SERIES_CAP, Math.max(16, kept * 2));
                times = Arrays.copyOf(times, size);
                values = Arrays.copyOf(values, size);
            }
            times[kept] = time;
            values[kept++] = v;
        }

        MetricSummary summary(String name, long end) {
            double sd = count >= 2 ? Math.sqrt(m2 / (count - 1)) : Double.NaN;
            return switch (kind) {
                case OBSERVATION -> new MetricSummary(name, kind, count, mean, sd, min, max, Double.NaN);
                case COUNTER -> new MetricSummary(name, kind, count, total, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                case SERIES -> {
                    long until = Math.max(end, lastTime);
                    double span = until - firstTime;
                    double average = span > 0 ? (weighted + lastValue * (until - lastTime)) / span : lastValue;
                    yield new MetricSummary(name, kind, count, average, sd, min, max, lastValue);
                }
            };
        }
    }
}
