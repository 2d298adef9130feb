/**
 * Strategy families of the storage network: {@link org.peerlab.storage.api.AuditScheme audits}
 * (proofs of retrievability), {@link org.peerlab.storage.api.ReputationScheme reputation} and
 * {@link org.peerlab.storage.api.PlacementStrategy placement}. Everything here is sans-I/O:
 * randomness and shard bytes come in as arguments, nothing reads the clock or opens files.
 */
package org.peerlab.storage.api;
