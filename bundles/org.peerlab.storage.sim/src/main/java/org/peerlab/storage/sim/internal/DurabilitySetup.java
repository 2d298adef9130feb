package org.peerlab.storage.sim.internal;

import java.util.List;

import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.ReputationScheme;

/**
 * The parameters of one {@code durability} point, read the same way by validation and by the
 * run. Times are in the unit their name says.
 *
 * @param nodes              storage nodes at any time (a failed node is replaced by an empty one)
 * @param annualFailureRate  share of nodes whose disk fails for good within a year (exponential lifetimes)
 * @param churn              benign churn
 * @param dropping           share of nodes that silently drop shards
 * @param dropShare          share of its shards a dropping node drops (at a time uniform over the run)
 * @param files              files stored
 * @param fileMib            size of each file, MiB
 * @param codec              redundancy strategy and parameters
 * @param auditIntervalH     mean time between audits of one node (exponential), hours
 * @param timeoutS           time to answer an audit, seconds
 * @param retries            re-asks of a timed-out challenge before it counts as failed
 * @param graceH             how long a node may be offline before its shards count as unhealthy, hours
 * @param bandwidthMbps      each node's link for repair traffic, Mbit/s
 * @param candidates         nodes offered to the placement strategy per placement (a random sample)
 * @param capacityGib        each node's disk, GiB
 * @param retryH             wait before trying again a repair that could not start, hours
 * @param placement          placement strategy
 * @param reputation         reputation scheme
 */
record DurabilitySetup(int nodes, double annualFailureRate, ChurnSpec churn, double dropping, double dropShare, int files, double fileMib,
        CodecChoice codec, double auditIntervalH, double timeoutS, int retries, double graceH, double bandwidthMbps, int candidates,
        double capacityGib, double retryH, String placement, String reputation, StrategyParameters strategyParameters) {

    static final List<String> WORKLOAD_KEYS = List.of("name", "files", "file-size-mib", "codec", "codecs", "audit-interval-h",
            "audit-timeout-s", "audit-retries", "offline-grace-h", "bandwidth-mbps", "placement-candidates", "node-capacity-gib",
            "repair-retry-h", "strategy-parameters", "expect");

    static DurabilitySetup read(Params params) throws ScenarioException {
        Params w = params.get("workload");
        w.allowOnly(WORKLOAD_KEYS);
        Params p = params.get("population");
        p.allowOnly("nodes", "annual-failure-rate", "churn", "dropping", "drop-share");
        params.get("network").allowOnly();
        Params s = params.get("strategies");
        CodecChoice codec = CodecChoice.read(params);
        int nodes = (int) p.integer("nodes", 10_000, 2, 1_000_000);
        int candidates = (int) w.integer("placement-candidates", 100, 1, 1_000_000);
        return new DurabilitySetup(nodes, p.number("annual-failure-rate", 0.2, 0, 0.999), ChurnSpec.read(p), p.number("dropping", 0.01, 0, 1),
                p.number("drop-share", 1, 0, 1), (int) w.integer("files", 20_000, 1, 10_000_000), w.number("file-size-mib", 256, 0.001, 1 << 20),
                codec, w.number("audit-interval-h", 24, 0.01, 1e6), w.number("audit-timeout-s", 30, 0.001, 1e6),
                (int) w.integer("audit-retries", 2, 0, 100), w.number("offline-grace-h", 4, 0, 1e6), w.number("bandwidth-mbps", 20, 0.001, 1e6),
                candidates, w.number("node-capacity-gib", 1024, 0.001, 1e9), w.number("repair-retry-h", 1, 0.001, 1e6),
                s.string(PlacementStrategy.FAMILY, "random"), s.string(ReputationScheme.FAMILY, "beta"),
                StrategyParameters.read(w, List.of(RedundancyScheme.FAMILY, PlacementStrategy.FAMILY, ReputationScheme.FAMILY)));
    }
}
