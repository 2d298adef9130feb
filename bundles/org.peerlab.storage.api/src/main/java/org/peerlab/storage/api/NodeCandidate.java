package org.peerlab.storage.api;

/**
 * A storage node a placement may choose.
 *
 * @param id         the node's id
 * @param reputation its current score in [0, 1]
 * @param freeBytes  space it reported free
 */
public record NodeCandidate(String id, double reputation, long freeBytes) {
}
