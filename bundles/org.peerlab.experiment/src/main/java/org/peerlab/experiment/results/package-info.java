/**
 * Results of experiments: per-run summaries and time series, per-point statistics (mean, sd,
 * Student-t 95% interval), expectation checks, and the deterministic result files
 * ({@link org.peerlab.experiment.results.ResultWriter}).
 */
package org.peerlab.experiment.results;
