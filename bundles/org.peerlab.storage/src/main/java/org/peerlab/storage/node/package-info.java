/**
 * The storage node's protocol state, sans-I/O: {@link org.peerlab.storage.node.NodeCore} takes
 * frames from clients and from the coordinator (with the time as an argument) and answers
 * through an output; shards live behind the {@link org.peerlab.storage.node.ShardStore}
 * interface, which the process adapter implements on disk and tests implement in memory.
 */
package org.peerlab.storage.node;
