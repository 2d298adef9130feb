/**
 * The storage node process: shards on disk ({@link org.peerlab.storage.net.node.DiskShardStore}),
 * the node's key and pinned coordinator key ({@link org.peerlab.storage.net.node.NodeIdentity}),
 * the server that drives {@link org.peerlab.storage.node.NodeCore} over the tcp transport
 * ({@link org.peerlab.storage.net.node.NodeServer}) and the {@code peerlab storage node} command.
 */
package org.peerlab.storage.net.node;
