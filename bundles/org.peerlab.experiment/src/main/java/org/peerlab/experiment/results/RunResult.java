package org.peerlab.experiment.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.peerlab.experiment.RunOutput;

/**
 * What one run produced, or why it did not finish.
 *
 * @param pointIndex  the sweep point
 * @param replication the replication, from 0
 * @param status      how it ended
 * @param metrics     per metric, sorted by name (what was recorded up to a failure or cancellation)
 * @param series      the time series, sorted by name
 * @param output      the workload's notes and expectations (empty unless {@link Status#OK})
 * @param endNanos    virtual time at the end of the run
 * @param events      simulator events fired
 * @param failure     for {@link Status#FAILED}: the exception's class and message; otherwise {@code null}
 */
public record RunResult(int pointIndex, int replication, Status status, List<MetricSummary> metrics, List<TimeSeries> series,
        RunOutput output, long endNanos, long events, String failure) {

    /** How a run ended. */
    public enum Status {
        /** The workload returned. */
        OK,
        /** The workload threw; {@link RunResult#failure()} says what. */
        FAILED,
        /** The experiment was cancelled before or during the run. */
        CANCELLED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RunResult {
        Objects.requireNonNull(status, "status");
        metrics = List.copyOf(metrics);
        series = List.copyOf(series);
        Objects.requireNonNull(output, "output");
    }

    /** @return the summary of {@code metric}, if the run recorded it */
    public Optional<MetricSummary> metric(String metric) {
        return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst();
    }

    /** @return a result for a run that never started */
    public static RunResult cancelled(int pointIndex, int replication) {
        return new RunResult(pointIndex, replication, Status.CANCELLED, List.of(), List.of(), RunOutput.empty(), 0, 0, null);
    }
}
