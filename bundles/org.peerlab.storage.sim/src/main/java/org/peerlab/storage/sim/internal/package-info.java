/**
 * The storage network's experiment workloads, each a Declarative Services component of type
 * {@link org.peerlab.experiment.Workload}: {@code audit-reliability} (proof-of-retrievability
 * audits with the real audit scheme, audit tracker and reputation, on virtual time) and
 * {@code durability} (a year of failures, churn, audits and repairs planned by the real repair
 * planner). Per-node state lives in primitive arrays and per-node {@link SplitMix} streams, so
 * that 10^4 to 10^5 nodes fit in a few hundred MiB and runs are reproducible from the seed.
 * Parameters, metrics and model assumptions: {@code simulation/README.md}. Exported only to
 * the simulation test bundle.
 */
package org.peerlab.storage.sim.internal;
