package org.peerlab.experiment;

import java.util.List;

/**
 * What a scenario runs: builds a model on the run's {@link org.peerlab.sim.Simulator} from the
 * resolved parameters, drives it, and records metrics through the simulator's
 * {@link org.peerlab.sim.Metrics}. Scenarios name a workload by {@link #name()} in
 * {@code "workload": {"name": ...}}.
 *
 * <p>Register one as a Declarative Services component with {@code service = Workload.class};
 * the {@link WorkloadCatalog} service picks it up and every scenario, the CLI and the workbench
 * see it. Outside OSGi (tests), add it to a {@code new WorkloadCatalog()} by hand.
 *
 * <p>Implementations must be thread-safe: the runner calls {@link #run} for several runs at once,
 * each with its own context and simulator. Keep per-run state inside {@code run}.
 */
public interface Workload {

    /** @return the name scenarios use, lower case with '-' (e.g. {@code transfer}, {@code nat-traversal}) */
    String name();

    /** @return one line saying what it simulates and which parameters it reads */
    String describe();

    /** @return the metrics it records (empty when it does not say; then any metric name is accepted) */
    default List<MetricInfo> metrics() {
        return List.of();
    }

    /**
     * Checks the workload-specific parameters of one sweep point. Read them with the same
     * {@link Params} methods {@link #run} uses, so that both agree, and call
     * {@link Params#allowOnly} so that misspelt keys are reported.
     *
     * @param params the resolved parameters: sections {@code workload}, {@code network},
     *               {@code population} and {@code strategies}
     * @throws ScenarioException naming the file, line and parameter path of what is wrong
     */
    void validate(Params params) throws ScenarioException;

    /**
     * Runs one replication of one sweep point. Must stop soon after
     * {@link RunContext#cancelled()} turns true (the simulator's run loop stops by itself).
     *
     * @return notes and expectations for the report ({@link RunOutput#empty()} when none)
     * @throws Exception any failure; the runner reports it with the point and replication and
     *                   keeps the other runs' results
     */
    RunOutput run(RunContext context) throws Exception;
}
