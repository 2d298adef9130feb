package org.peerlab.redundancy.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The intact shards of one encoding, chosen from what a caller offers: damaged shards and
 * shards of another codec or geometry are excluded (and named), duplicates are ignored.
 */
public final class ShardSelection {

    private final Map<Integer, byte[]> payloads = new TreeMap<>();
    private final List<String> excluded = new ArrayList<>();
    private long originalLength = -1;

    /**
     * @param codec expected codec id
     * @param k     expected k
     * @param n     expected n
     */
    public ShardSelection(Collection<Shard> shards, int codec, int k, int n) {
        for (Shard s : shards) {
            ShardHeader.Parsed p;
            try {
                p = ShardHeader.parse(s);
            } catch (CorruptShardException e) {
                excluded.add(e.getMessage());
                continue;
            }
            ShardHeader h = p.header();
            if (h.codec() != codec || h.k() != k || h.n() != n) {
                excluded.add("shard " + s.index() + ": made by codec " + h.codec() + " as " + h.k() + "-of-" + h.n()
                        + ", expected codec " + codec + " as " + k + "-of-" + n);
            } else if (originalLength >= 0 && h.originalLength() != originalLength) {
                excluded.add("shard " + s.index() + ": encodes " + h.originalLength() + " bytes, the others " + originalLength);
            } else {
                originalLength = h.originalLength();
                payloads.putIfAbsent(h.index(), p.payload());
            }
        }
    }

    /** @return intact payloads by shard index */
    public Map<Integer, byte[]> payloads() {
        return payloads;
    }

    /** @return length of the original data, or -1 when no shard is intact */
    public long originalLength() {
        return originalLength;
    }

    /**
     * @throws InsufficientShardsException naming the excluded shards when fewer than {@code k} are intact
     */
    public void requireAtLeast(int k) throws InsufficientShardsException {
        if (payloads.size() < k) {
            throw new InsufficientShardsException(payloads.size(), k, excluded);
        }
    }

    /** @return why shards were left out, one line each */
    public List<String> excluded() {
        return excluded;
    }
}
