package org.peerlab.storage.strategies.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;

/** The argument checks and the eligibility filter every placement shares. */
final class EligibleNodes {

    private EligibleNodes() {
    }

    /**
     * @param minReputation least reputation a node needs, or a negative value for none
     * @return the candidates with at least {@code shardBytes} free and enough reputation, in input order
     * @throws IllegalArgumentException if {@code count} or {@code shardBytes} is negative, or two candidates share an id
     * @throws PlacementException if fewer than {@code count} qualify; the message says how many did
     */
    static List<NodeCandidate> select(List<NodeCandidate> candidates, int count, long shardBytes, double minReputation)
            throws PlacementException {
        Objects.requireNonNull(candidates, "candidates");
        if (count < 0 || shardBytes < 0) {
            throw new IllegalArgumentException("cannot place " + count + " shards of " + shardBytes + " bytes");
        }
        Set<String> ids = new HashSet<>();
        List<NodeCandidate> eligible = new ArrayList<>();
        for (NodeCandidate candidate : candidates) {
            if (!ids.add(candidate.id())) {
                throw new IllegalArgumentException("node " + candidate.id() + " is a candidate twice");
            }
            if (candidate.freeBytes() >= shardBytes && (minReputation < 0 || candidate.reputation() >= minReputation)) {
                eligible.add(candidate);
            }
        }
        if (eligible.size() < count) {
            throw new PlacementException("need " + count + " nodes with " + formatBytes(shardBytes) + " free"
                    + (minReputation < 0 ? "" : " and reputation >= " + minReputation) + "; only " + eligible.size()
                    + " of " + candidates.size() + " qualify");
        }
        return eligible;
    }

    /** @return {@code bytes} in binary units with one decimal, e.g. {@code 1.2 MiB}; below 1 KiB in bytes */
    static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
