package org.peerlab.transport.tcp.internal;

import org.peerlab.core.strategy.Parameters;

/** Limits of one tcp connection, in bytes and milliseconds. */
record TcpLimits(int maxFrame, long highWater, long lowWater, long connectTimeoutMillis) {

    TcpLimits {
        if (lowWater >= highWater) {
            throw new IllegalArgumentException("low-water (" + lowWater + ") must be below high-water (" + highWater + ")");
        }
    }

    static TcpLimits from(Parameters p) {
        return new TcpLimits(p.getInt("max-frame"), p.getLong("high-water"), p.getLong("low-water"), p.getLong("connect-timeout-ms"));
    }
}
