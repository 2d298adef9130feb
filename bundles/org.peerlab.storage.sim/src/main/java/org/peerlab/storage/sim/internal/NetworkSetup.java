package org.peerlab.storage.sim.internal;

import java.util.List;

import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.coordinator.CoordinatorSettings;
import org.peerlab.storage.node.AuditParameters;

/**
 * The parameters of one {@code storage-network} point: the real coordinator and node state
 * machines over the simulated packet network. Read the same way by validation and by the run.
 *
 * @param nodes              storage nodes
 * @param dropping           share of nodes that silently delete {@code dropShare} of their shards
 * @param dropShare          share of its shards a dropping node deletes
 * @param partial            share of nodes that overwrite {@code damageFraction} of the blocks of every shard and answer from that
 * @param damageFraction     fraction of blocks a partial node damages (whole audit blocks, at least one)
 * @param late               share of nodes that answer every audit {@code lateS} seconds late
 * @param lateS              how late
 * @param misbehaveAfterH    when the misbehaving nodes start, hours after the start
 * @param churn              benign churn: offline periods, data kept
 * @param departuresPerYear  rate at which a node leaves for good with its data (disk failure), per node-year
 * @param files              files the client puts
 * @param fileSize           bytes per file (random content, regenerated from the seed to check gets)
 * @param k                  shards needed
 * @param n                  shards per file
 * @param concurrent         puts (and gets) the client runs at once
 * @param putStartH          when the client starts putting, hours after the start (nodes register first)
 * @param tickS              how often the coordinator core's timers run, seconds of virtual time
 * @param nodeQuota          bytes each node offers
 * @param checkDetection     whether to expect the partial nodes' detection probability to be 1 - (1 - f)^c (for schemes that
 *                           check only the challenged blocks)
 * @param putAttempts        tries per put (a failed put is started again, with a new plan, a minute later)
 * @param verifyFiles        whether the client gets every acknowledged file at the end and compares it with what it put
 * @param nodeMbps           each node's access link, Mbit/s each way
 * @param serverMbps         the coordinator's and the client's access links, Mbit/s
 * @param latencyMs          one-way latency of every access link, milliseconds
 * @param settings           the coordinator's policy (strategies named in {@code strategies})
 * @param redundancy         the redundancy strategy's name
 * @param aead               the file cipher's name
 * @param signature          the order signature scheme's name
 * @param auditBlockSize     the audit parameters' {@code block-size} (the unit of a partial node's damage)
 */
record NetworkSetup(int nodes, double dropping, double dropShare, double partial, double damageFraction, double late, double lateS,
        double misbehaveAfterH, ChurnSpec churn, double departuresPerYear, int files, int fileSize, int k, int n, int concurrent,
        double putStartH, double tickS, long nodeQuota, boolean checkDetection, int putAttempts, boolean verifyFiles, double nodeMbps, double serverMbps, double latencyMs,
        CoordinatorSettings settings, String redundancy, String aead, String signature, int auditBlockSize) {

    static final List<String> WORKLOAD_KEYS = List.of("name", "files", "file-size-kib", "shards-required", "shards-total", "concurrent",
            "put-start-h", "tick-s", "node-quota-mib", "verify-files", "audit-parameters", "audit-interval-min", "audit-timeout-s",
            "audit-retries", "check-detection", "put-attempts", "heartbeat-min", "offline-after-min", "repair-threshold", "repair-offline-after-h", "repair-scan-min", "min-reputation",
            "expect");

    static NetworkSetup read(Params params) throws ScenarioException {
        Params w = params.get("workload");
        w.allowOnly(WORKLOAD_KEYS);
        Params p = params.get("population");
        p.allowOnly("nodes", "dropping", "drop-share", "partial", "damage-fraction", "late", "late-s", "misbehave-after-h", "churn",
                "departures-per-year");
        Params net = params.get("network");
        net.allowOnly("node-mbps", "server-mbps", "latency-ms");
        Params s = params.get("strategies");
        s.allowOnly(PlacementStrategy.FAMILY, ReputationScheme.FAMILY, AuditScheme.FAMILY, "redundancy", "aead", "signature");

        int nodes = (int) p.integer("nodes", 10_000, 1, 200_000);
        double dropping = p.number("dropping", 0.01, 0, 1);
        double partial = p.number("partial", 0.01, 0, 1);
        double late = p.number("late", 0.01, 0, 1);
        if (dropping + partial + late > 1) {
            throw p.problem("dropping + partial + late is " + (dropping + partial + late) + "; the shares are of one population and must sum to at most 1");
        }
        int k = (int) w.integer("shards-required", 8, 1, 255);
        int n = (int) w.integer("shards-total", 20, 1, 256);
        if (n < k) {
            throw w.get("shards-total").problem("shards-total " + n + " is below shards-required " + k);
        }
        if (n > nodes) {
            throw w.get("shards-total").problem(n + " shards per file need at least " + n + " nodes, the population has " + nodes);
        }
        String auditParameters = w.string("audit-parameters", "block-size=64,blocks=16");
        int blockSize;
        try {
            blockSize = Integer.parseInt(AuditParameters.parse(auditParameters).getOrDefault("block-size", "1024"));
        } catch (IllegalArgumentException e) {
            throw w.get("audit-parameters").problem("'" + auditParameters + "' is not key=value,key=value with a numeric block-size: "
                    + e.getMessage());
        }
        long minute = 60_000;
        CoordinatorSettings settings;
        try {
            settings = new CoordinatorSettings(Long.MAX_VALUE / 4, w.number("min-reputation", 0.5, 0, 1), s.string(PlacementStrategy.FAMILY,
                    "reputation-weighted"), s.string(ReputationScheme.FAMILY, "beta"), s.string(AuditScheme.FAMILY, "merkle-challenge"),
                    auditParameters, Math.round(w.number("audit-interval-min", 60, 0.01, 1e7) * minute),
                    Math.round(w.number("audit-timeout-s", 30, 0.01, 1e6) * 1000), (int) w.integer("audit-retries", 2, 0, 100),
                    Math.round(w.number("heartbeat-min", 60, 0.01, 1e6) * minute), Math.round(w.number("offline-after-min", 150, 0.01, 1e7) * minute),
                    (int) w.integer("repair-threshold", 14, 2, 256), Math.round(w.number("repair-offline-after-h", 24, 0.001, 1e6) * 60 * minute),
                    3_600_000, 1_800_000, Math.round(w.number("repair-scan-min", 5, 0.001, 1e6) * minute));
        } catch (IllegalArgumentException e) {
            throw w.problem(e.getMessage());
        }
        if (settings.offlineAfterMillis() <= settings.heartbeatMillis()) {
            throw w.get("offline-after-min").problem("a node must be allowed more than one heartbeat interval ("
                    + settings.heartbeatMillis() / minute + " min) before it counts as offline");
        }
        NetworkSetup setup = new NetworkSetup(nodes, dropping, p.number("drop-share", 0.5, 0, 1), partial,
                p.number("damage-fraction", 0.1, 0, 1), late, p.number("late-s", 120, 0, 1e6), p.number("misbehave-after-h", 12, 0, 1e6),
                ChurnSpec.read(p), p.number("departures-per-year", 0, 0, 1000), (int) w.integer("files", 2000, 1, 1_000_000),
                Math.toIntExact(Math.round(w.number("file-size-kib", 32, 0.001, 16 * 1024) * 1024)), k, n,
                (int) w.integer("concurrent", 32, 1, 10_000), w.number("put-start-h", 0.5, 0, 1e6), w.number("tick-s", 15, 0.01, 3600),
                Math.round(w.number("node-quota-mib", 64, 0.001, 1 << 30) * (1 << 20)), w.bool("check-detection", false),
                (int) w.integer("put-attempts", 3, 1, 100), w.bool("verify-files", true),
                net.number("node-mbps", 100, 0.001, 1e6), net.number("server-mbps", 1000, 0.001, 1e6), net.number("latency-ms", 20, 0, 10_000),
                settings, s.string("redundancy", "reed-solomon"), s.string("aead", "aes-256-gcm"), s.string("signature", "ed25519"), blockSize);
        if (setup.late() > 0 && setup.lateS() * 1000 <= settings.auditTimeoutMillis()) {
            throw p.get("late-s").problem("late nodes answer after " + setup.lateS() + " s, within the audit timeout of "
                    + settings.auditTimeoutMillis() / 1000.0 + " s: they would not be late");
        }
        return setup;
    }

    /** @return the nanoseconds of {@code hours} */
    static long hours(double hours) {
        return Math.round(hours * 3_600e9);
    }
}
