/**
 * Experiments: the scenario format ({@link org.peerlab.experiment.ScenarioReader}), its
 * validation and sweep expansion ({@link org.peerlab.experiment.ScenarioCheck}), and the workload
 * SPI ({@link org.peerlab.experiment.Workload}, {@link org.peerlab.experiment.RunContext},
 * {@link org.peerlab.experiment.Params}) through which simulated systems plug in. Running is in
 * {@code org.peerlab.experiment.run}, statistics and result files in
 * {@code org.peerlab.experiment.results}, the HTML report in {@code org.peerlab.experiment.report}.
 */
package org.peerlab.experiment;
