package org.peerlab.redundancy.api;

import java.util.Objects;

/**
 * One encoded piece of data.
 *
 * @param index position in 0..n-1
 * @param data  the shard's bytes, self-describing where the codec needs it
 */
public record Shard(int index, byte[] data) {

    public Shard {
        if (index < 0) {
            throw new IllegalArgumentException("shard index must be >= 0, got " + index);
        }
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() {
        return "Shard[" + index + ", " + data.length + " bytes]";
    }
}
