package org.peerlab.storage.wire;

/**
 * Where one shard lives: the node, its address, and the coordinator's signed order that lets
 * the bearer store (in a plan) or read (in a location) that shard there.
 */
public record Placement(int index, String nodeId, String address, Order order) {
}
