/**
 * The coordinator process: the sans-I/O {@link org.peerlab.storage.coordinator.CoordinatorCore}
 * served over tcp ({@link org.peerlab.storage.net.coordinator.CoordinatorServer}), its durable
 * ledger in an H2 MVStore, its key file, the repair worker, and {@code peerlab storage coordinator}.
 */
package org.peerlab.storage.net.coordinator;
