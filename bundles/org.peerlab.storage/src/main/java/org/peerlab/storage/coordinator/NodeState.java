package org.peerlab.storage.coordinator;

/** What the coordinator knows of one node: its durable record plus the live state kept in memory only. */
final class NodeState {

    /** {@link #lastHeartbeat} of a node not heard from since the coordinator started. */
    static final long NEVER = Long.MIN_VALUE;

    NodeRecord record;
    /** The connection it registered on, or -1. Challenges go there. */
    long conn = -1;
    long lastHeartbeat = NEVER;
    /** The last heartbeat, or the coordinator's start for a node not heard from since: repair counts silence from here. */
    long silentSince;
    long free;
    long reportedShards;
    /** Whether the node was online at the last tick (to log transitions once). */
    boolean wasOnline;
    long nextAuditAt;

    NodeState(NodeRecord record, long silentSince) {
        this.record = record;
        this.silentSince = silentSince;
    }

    String id() {
        return record.id();
    }
}
