package org.peerlab.experiment.run;

/**
 * How far an experiment has got.
 *
 * @param done        runs finished (completed, failed or cancelled)
 * @param total       runs in the experiment
 * @param failed      runs that failed so far
 * @param pointIndex  the sweep point of the run that just finished
 * @param pointLabel  its label, e.g. {@code network.loss=0.01}
 * @param replication its replication
 */
public record Progress(int done, int total, int failed, int pointIndex, String pointLabel, int replication) {

    /** @return the finished fraction, 0 to 1 */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
