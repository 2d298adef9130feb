/**
 * The workloads PeerLab ships, each a Declarative Services component of type
 * {@link org.peerlab.experiment.Workload}: {@code transfer} (the secure-transfer protocol over
 * the simulated network) and {@code nat-traversal} (connection attempts across simulated NATs).
 * Their scenario parameters are documented in {@code simulation/README.md}.
 */
package org.peerlab.experiment.workloads;
