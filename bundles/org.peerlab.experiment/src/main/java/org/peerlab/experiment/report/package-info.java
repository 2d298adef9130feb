/**
 * The HTML report of an experiment, built on {@code org.peerlab.report}: charts of every metric
 * against every swept parameter with 95% confidence bars, tables, time series, validation,
 * failures and the scenario text.
 */
package org.peerlab.experiment.report;
