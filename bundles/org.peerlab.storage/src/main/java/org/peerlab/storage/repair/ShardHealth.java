package org.peerlab.storage.repair;

/**
 * One shard of a file as the coordinator sees it.
 *
 * @param index   the shard's index, 0..n-1
 * @param node    the node holding it, or {@code null} if it has none
 * @param healthy whether it counts toward the file's redundancy: its node is online, not
 *                disqualified, and has not failed this shard's audits
 */
public record ShardHealth(int index, String node, boolean healthy) {
}
