/**
 * Running experiments: {@link org.peerlab.experiment.run.ExperimentRunner} expands sweep points
 * times replications into runs on a bounded thread pool, with progress, cancellation and live
 * metric events for a UI ({@link org.peerlab.experiment.run.ExperimentListener}).
 */
package org.peerlab.experiment.run;
