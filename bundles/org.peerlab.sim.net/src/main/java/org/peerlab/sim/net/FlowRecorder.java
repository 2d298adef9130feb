package org.peerlab.sim.net;

import java.util.Arrays;

import org.peerlab.sim.Metrics;

/**
 * The timeline of one simulated transfer, written by its two drivers: when it started, opened,
 * authenticated, began sending pieces and completed, how it failed, and the receiver's delivered
 * bytes over time (one point per piece, also published as the metric time series
 * {@code delivered-bytes/<label>}). Times in nanoseconds of virtual time, -1 while unknown.
 */
final class FlowRecorder {

    final String label;
    private final Metrics metrics;
    private final String series;
    long started = -1;
    long opened = -1;
    long authenticated = -1;
    long dataStarted = -1;
    long completed = -1;
    boolean senderFinished;
    String failure;
    private long[] times = new long[64];
    private long[] delivered = new long[64];
    private int points;

    FlowRecorder(String label, Metrics metrics) {
        this.label = label;
        this.metrics = metrics;
        this.series = "delivered-bytes/" + label;
    }

    void progress(long now, long bytes) {
        if (points == times.length) {
            times = Arrays.copyOf(times, points * 2);
            delivered = Arrays.copyOf(delivered, points * 2);
        }
        times[points] = now;
        delivered[points++] = bytes;
        metrics.sample(series, now, bytes);
    }

    void failed(String why) {
        if (failure == null) {
            failure = why;
        }
    }

    /** @return bytes delivered at time {@code t}, interpolated linearly between piece arrivals */
    double deliveredAt(long t) {
        if (points == 0 || t <= times[0]) {
            return points == 0 ? 0 : t < times[0] ? 0 : delivered[0];
        }
        int i = Arrays.binarySearch(times, 0, points, t);
        if (i >= 0) {
            while (i + 1 < points && times[i + 1] == t) {
                i++;
            }
            return delivered[i];
        }
        int after = -i - 1;
        if (after >= points) {
            return delivered[points - 1];
        }
        long t0 = times[after - 1];
        long t1 = times[after];
        return delivered[after - 1] + (double) (delivered[after] - delivered[after - 1]) * (t - t0) / (t1 - t0);
    }

    /** @return bytes delivered by the end */
    long deliveredBytes() {
        return points == 0 ? 0 : delivered[points - 1];
    }

    /** @return the time of the last delivery, -1 if none */
    long lastDelivery() {
        return points == 0 ? -1 : times[points - 1];
    }
}
