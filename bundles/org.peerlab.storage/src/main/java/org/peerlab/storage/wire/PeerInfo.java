package org.peerlab.storage.wire;

/**
 * A node as the coordinator knows it.
 *
 * @param lastSeenMillis milliseconds since the node's last heartbeat (at the time of the answer)
 */
public record PeerInfo(String nodeId, String address, boolean online, long capacity, long free, long shards, double reputation,
        long audits, boolean contained, boolean disqualified, long lastSeenMillis) {
}
