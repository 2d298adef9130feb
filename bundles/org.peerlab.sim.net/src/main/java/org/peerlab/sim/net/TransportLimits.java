package org.peerlab.sim.net;

import org.peerlab.core.strategy.Parameters;

/** Frame and send-buffer limits of one sim connection, in bytes. */
record TransportLimits(int maxFrame, long highWater, long lowWater) {

    TransportLimits {
        if (lowWater >= highWater) {
            throw new IllegalArgumentException("low-water (" + lowWater + ") must be below high-water (" + highWater + ")");
        }
    }

    static TransportLimits from(Parameters p) {
        return new TransportLimits(p.getInt("max-frame"), p.getLong("high-water"), p.getLong("low-water"));
    }
}
