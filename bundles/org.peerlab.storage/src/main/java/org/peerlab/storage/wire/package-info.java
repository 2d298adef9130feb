/**
 * The storage network's messages and their binary encoding (one message per transport frame),
 * shared by the coordinator, the storage nodes and clients. See docs/STORAGE.md for the flows.
 */
package org.peerlab.storage.wire;
