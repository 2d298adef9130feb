package org.peerlab.experiment.run;

import java.util.List;

import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.RunResult;

/**
 * Hears what a running experiment does. Calls come from the runner's worker threads but never
 * overlap (the runner serialises them), so an implementation needs no locking of its own; it
 * must return quickly, since a run waits for it. A UI hands the events to its own thread.
 */
public interface ExperimentListener {

    /** Nothing to hear. */
    ExperimentListener NONE = new ExperimentListener() {
    };

    /** A run finished, failed or was cancelled. */
    default void progress(Progress progress, RunResult run) {
    }

    /**
     * Live metric events of one run, batched: at most every {@code 100 ms} of wall time or
     * {@code 512} events per run, and the rest when the run ends. Only called when
     * {@link #wantsMetrics()} is true.
     */
    default void metrics(List<MetricEvent> batch) {
    }

    /** @return whether to collect live metric events (they cost time; off by default) */
    default boolean wantsMetrics() {
        return false;
    }

    /** A run threw; {@code error} is what it threw (for a stack trace), the run result says where. */
    default void failed(RunResult run, Throwable error) {
    }

    /** Every run has ended; called once, before {@link ExperimentRun#await()} returns. */
    default void finished(ExperimentResult result) {
    }
}
