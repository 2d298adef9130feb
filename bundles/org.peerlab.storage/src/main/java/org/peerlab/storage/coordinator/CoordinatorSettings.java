package org.peerlab.storage.coordinator;

import java.util.Objects;

/**
 * The coordinator's policy. Durations in milliseconds, sizes in bytes; strategy names are looked
 * up in the strategy registry by family (placement, reputation, audit).
 *
 * @param maxUploadSize            PUT_BEGIN above this many bytes is refused with TOO_LARGE
 * @param minReputation            nodes below this score get no new shards, in [0, 1]
 * @param placement                placement strategy name
 * @param reputation               reputation scheme name
 * @param audit                    audit scheme new files are audited with
 * @param auditParameters          its parameters as {@code key=value,key=value} (unnamed ones take defaults)
 * @param auditIntervalMillis      time between two audits of one node
 * @param auditTimeoutMillis       time a node has to answer a challenge
 * @param auditRetries             re-asks of an unanswered challenge (containment) before it counts as failed
 * @param heartbeatMillis          heartbeat interval nodes are told in REGISTERED
 * @param offlineAfterMillis       a node without a heartbeat for this long is offline
 * @param repairThreshold          repair a file when fewer healthy shards remain (clamped to k+1..n per file)
 * @param repairOfflineAfterMillis shards on a node silent this long count as lost for repair
 * @param orderTtlMillis           how long a STORE or READ order stays valid (and an upload's plan)
 * @param repairTimeoutMillis      a repair task not finished by then may be planned again
 * @param repairScanMillis         how often every file's health is checked for repair (at once, too, after a disqualification)
 */
public record CoordinatorSettings(long maxUploadSize, double minReputation, String placement, String reputation, String audit,
        String auditParameters, long auditIntervalMillis, long auditTimeoutMillis, int auditRetries, long heartbeatMillis,
        long offlineAfterMillis, int repairThreshold, long repairOfflineAfterMillis, long orderTtlMillis, long repairTimeoutMillis,
        long repairScanMillis) {

    public CoordinatorSettings {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(reputation, "reputation");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(auditParameters, "auditParameters");
        if (maxUploadSize < 0 || !(minReputation >= 0 && minReputation <= 1) || auditRetries < 0 || repairThreshold < 2) {
            throw new IllegalArgumentException("coordinator settings out of range: max upload " + maxUploadSize + ", min reputation "
                    + minReputation + ", audit retries " + auditRetries + ", repair threshold " + repairThreshold);
        }
        long[] durations = { auditIntervalMillis, auditTimeoutMillis, heartbeatMillis, offlineAfterMillis, repairOfflineAfterMillis,
                orderTtlMillis, repairTimeoutMillis, repairScanMillis };
        for (long d : durations) {
            if (d <= 0) {
                throw new IllegalArgumentException("coordinator durations must be positive, got " + d + " ms");
            }
        }
    }

    /** @return the storage configuration's defaults: 100 MiB uploads, reputation 0.5, 8-of-20 repair at 14, ... */
    public static CoordinatorSettings defaults() {
        return new CoordinatorSettings(100L << 20, 0.5, "reputation-weighted", "beta", "merkle-challenge", "blocks=460", 60_000, 30_000, 2,
                5_000, 20_000, 14, 120_000, 3_600_000, 1_800_000, 1_000);
    }

    /** @return the threshold for a k-of-n file: {@link #repairThreshold} clamped to k+1..n (0 when n == k: nothing to repair from) */
    public int repairThresholdFor(int k, int n) {
        return n <= k ? 0 : Math.max(k + 1, Math.min(n, repairThreshold));
    }
}
