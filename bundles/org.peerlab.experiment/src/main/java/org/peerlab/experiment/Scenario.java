package org.peerlab.experiment;

import java.util.List;
import java.util.Objects;

import org.peerlab.core.json.JsonValue.JsonObject;

/**
 * A scenario file, read and checked for structure by {@link ScenarioReader}. Immutable.
 *
 * @param source          the file name as given (positions in errors start with it)
 * @param text            the file's text, copied into results as it is
 * @param name            lower-case name, used for the default results folder
 * @param description     free text ({@code ""} when absent)
 * @param workload        the workload's name
 * @param parameters      the base parameters: {@code workload} (without its {@code name}),
 *                        {@code network}, {@code population}, {@code strategies} (objects, maybe empty)
 * @param metrics         metrics to keep (empty: all that the workload records)
 * @param sweep           the swept parameters (empty: one point)
 * @param replications    runs per sweep point, at least 1
 * @param seed            the experiment seed
 * @param durationNanos   simulated time limit in nanoseconds, or 0 when the workload decides
 * @param document        the whole parsed file, for positions in later checks
 */
public record Scenario(String source, String text, String name, String description, String workload, JsonObject parameters,
        List<String> metrics, List<SweepAxis> sweep, int replications, long seed, long durationNanos, JsonObject document) {

    public Scenario {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(document, "document");
        metrics = List.copyOf(metrics);
        sweep = List.copyOf(sweep);
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must be >= 0, got " + durationNanos);
        }
    }

    /** @return the same scenario with another seed (the command line's {@code --seed}) */
    public Scenario withSeed(long newSeed) {
        return new Scenario(source, text, name, description, workload, parameters, metrics, sweep, replications, newSeed, durationNanos, document);
    }

    /** @return the same scenario with another replication count (the command line's {@code --replications}) */
    public Scenario withReplications(int count) {
        return new Scenario(source, text, name, description, workload, parameters, metrics, sweep, count, seed, durationNanos, document);
    }

    /** @return the number of sweep points: the product of the axes' sizes */
    public int pointCount() {
        long n = 1;
        for (SweepAxis a : sweep) {
            n *= a.values().size();
        }
        return (int) n;
    }

    /** @return sweep points times replications */
    public long runCount() {
        return (long) pointCount() * replications;
    }
}
