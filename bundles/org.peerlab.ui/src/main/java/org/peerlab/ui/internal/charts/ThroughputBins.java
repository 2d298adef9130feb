package org.peerlab.ui.internal.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goodput over virtual time of one run, from the cumulative byte counts its flows report
 * ({@code delivered-bytes/<flow>} samples, one per verified piece): the bytes between two samples
 * of a flow are spread evenly over the time between them, so a bin holds what was delivered in
 * it rather than how many whole pieces happened to land in it; bins are summed over flows and
 * shown as Mbit/s. Bins start at {@value #FIRST_BIN_NANOS} ns and double in width (pairs merged)
 * whenever the run outgrows {@value #MAX_BINS} bins, so memory stays bounded however long the run.
 * Not thread-safe.
 */
final class ThroughputBins {

    static final long FIRST_BIN_NANOS = 50_000_000L;
    static final int MAX_BINS = 400;

    /** The last sample of one flow. */
    private static final class Flow {
        long nanos;
        double bytes;
    }

    private final Map<String, Flow> flows = new HashMap<>();
    private double[] bytes = new double[MAX_BINS];
    private long binNanos = FIRST_BIN_NANOS;
    private int used;
    private long latest;

    /**
     * Adds one cumulative sample: flow {@code flow} had delivered {@code total} bytes at virtual
     * time {@code nanos}. A flow's samples come in time order; its first sample's bytes count in
     * the bin of that sample.
     */
    void add(String flow, long nanos, double total) {
        if (nanos < 0) {
            throw new IllegalArgumentException("virtual time cannot be negative: " + nanos);
        }
        while (nanos / binNanos >= MAX_BINS) {
            coarsen();
        }
        Flow f = flows.get(flow);
        if (f == null) {
            f = new Flow();
            f.nanos = nanos;
            flows.put(flow, f);
        }
        double delta = Math.max(0, total - f.bytes);
        long from = Math.min(f.nanos, nanos);
        spread(from, nanos, delta);
        f.nanos = nanos;
        f.bytes = total;
        latest = Math.max(latest, nanos);
        used = Math.max(used, (int) (nanos / binNanos) + 1);
    }

    /** Adds {@code amount} bytes spread evenly over the virtual time {@code (from, to]}. */
    private void spread(long from, long to, double amount) {
        if (to <= from) {
            bytes[(int) (to / binNanos)] += amount;
            return;
        }
        double perNano = amount / (to - from);
        long t = from;
        while (t < to) {
            int bin = (int) (t / binNanos);
            long end = Math.min(to, (bin + 1L) * binNanos);
            bytes[bin] += perNano * (end - t);
            t = end;
        }
    }

    private void coarsen() {
        double[] merged = new double[MAX_BINS];
        for (int i = 0; i < used; i++) {
            merged[i / 2] += bytes[i];
        }
        bytes = merged;
        used = (used + 1) / 2;
        binNanos *= 2;
    }

    /**
     * @return one point per complete bin up to the latest sample (the bin still filling is left
     *         out, it would dip): x the bin's middle in seconds, y Mbit/s
     */
    List<LiveMetrics.XY> points() {
        int complete = (int) (latest / binNanos);
        int n = Math.max(Math.min(used, complete), Math.min(used, 1));
        List<LiveMetrics.XY> out = new ArrayList<>(n);
        double seconds = binNanos / 1e9;
        for (int i = 0; i < n; i++) {
            out.add(new LiveMetrics.XY((i + 0.5) * seconds, bytes[i] * 8 / seconds / 1e6));
        }
        return out;
    }

    /** @return the current bin width in nanoseconds of virtual time */
    long binNanos() {
        return binNanos;
    }
}
