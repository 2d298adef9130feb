package org.peerlab.storage.sim.internal;

import org.peerlab.sim.Metrics;

/**
 * What {@code durability} measures, as run totals recorded once at the end (so that every point
 * records every counter, zero included), plus the lost-files series and one observation per
 * completed repair. Not thread-safe.
 */
final class DurabilityTally {

    private static final double HOUR = 3600e9;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Metrics metrics;
    private long filesLost;
    private long repairs;
    private long repairFailures;
    private long shardsRebuilt;
    private long repairBytes;
    private long nodeFailures;
    private long disqualifications;
    private long falseDisqualifications;
    private long droppingDisqualified;
    private long badShardsFound;
    private long deferredRepairs;

    DurabilityTally(Metrics metrics) {
        this.metrics = metrics;
        metrics.sample("lost-files", 0, 0);
    }

    void fileLost(long now) {
        filesLost++;
        metrics.sample("lost-files", now, filesLost);
    }

    void repairStarted(long bytes) {
        repairBytes += bytes;
    }

    void repaired(int rebuilt, long tookNanos) {
        repairs++;
        shardsRebuilt += rebuilt;
        metrics.observe("repair-time-h", tookNanos / HOUR);
    }

    void repairFailed() {
        repairFailures++;
    }

    void repairDeferred() {
        deferredRepairs++;
    }

    void badShardFound() {
        badShardsFound++;
    }

    void nodeFailed() {
        nodeFailures++;
    }

    /** @param honest whether the node was alive and had not dropped anything it was asked to keep */
    void disqualified(boolean honest, boolean dropping) {
        disqualifications++;
        if (honest) {
            falseDisqualifications++;
        }
        if (dropping) {
            droppingDisqualified++;
        }
    }

    /** Records the run's totals; call once at the end. */
    void finish(long end, int files, int nodes, double overhead) {
        double months = end / (HOUR * 24 * 365.25 / 12);
        metrics.observe("file-loss-probability", filesLost / (double) files);
        metrics.observe("repair-gib-per-node-month", months > 0 ? repairBytes / GIB / nodes / months : 0);
        metrics.observe("storage-overhead", overhead);
        metrics.count("files-lost", filesLost);
        metrics.count("repairs", repairs);
        metrics.count("repair-failures", repairFailures);
        metrics.count("deferred-repairs", deferredRepairs);
        metrics.count("shards-rebuilt", shardsRebuilt);
        metrics.count("repair-traffic-gib", repairBytes / GIB);
        metrics.count("node-failures", nodeFailures);
        metrics.count("disqualifications", disqualifications);
        metrics.count("false-disqualifications", falseDisqualifications);
        metrics.count("dropping-disqualified", droppingDisqualified);
        metrics.count("bad-shards-found", badShardsFound);
        metrics.sample("lost-files", end, filesLost);
    }
}
