package org.peerlab.transport.memory.internal;

import org.peerlab.core.strategy.Parameters;

/** Buffer limits of one in-memory connection, in bytes. */
record MemoryLimits(int maxFrame, long highWater, long lowWater) {

    MemoryLimits {
        if (lowWater >= highWater) {
            throw new IllegalArgumentException("low-water (" + lowWater + ") must be below high-water (" + highWater + ")");
        }
    }

    static MemoryLimits from(Parameters p) {
        return new MemoryLimits(p.getInt("max-frame"), p.getLong("high-water"), p.getLong("low-water"));
    }
}
