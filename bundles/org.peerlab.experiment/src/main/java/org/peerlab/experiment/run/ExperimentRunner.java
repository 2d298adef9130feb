package org.peerlab.experiment.run;

import java.util.List;
import java.util.Objects;

import org.peerlab.core.strategy.MissingStrategyHints;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioCheck;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.Workload;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.results.ExperimentResult;

/**
 * Runs scenarios: checks them ({@link ScenarioCheck}), expands sweep points times replications
 * into runs and executes them on a bounded pool of worker threads, each run on its own
 * {@link org.peerlab.sim.Simulator} with random streams {@code (seed, replication)}. Results do
 * not depend on the number of threads. Immutable; one runner may start several experiments.
 */
public final class ExperimentRunner {

    private final WorkloadCatalog catalog;
    private final StrategyRegistry registry;
    private final MissingStrategyHints hints;
    private final int threads;

    /**
     * @param catalog  where workloads are found
     * @param registry the installed strategies, or {@code null} (strategy names are then not checked)
     * @param threads  worker threads, at least 1 (see {@link #defaultThreads()})
     */
    public ExperimentRunner(WorkloadCatalog catalog, StrategyRegistry registry, int threads) {
        this(catalog, registry, null, threads);
    }

    /**
     * @param catalog  where workloads are found
     * @param registry the installed strategies, or {@code null} (strategy names are then not checked)
     * @param hints    advice on getting strategies that are not installed, for scenario errors, or {@code null}
     * @param threads  worker threads, at least 1 (see {@link #defaultThreads()})
     */
    public ExperimentRunner(WorkloadCatalog catalog, StrategyRegistry registry, MissingStrategyHints hints, int threads) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.registry = registry;
        this.hints = hints;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** @return the number of available processors */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the sweep points of {@code scenario}, after every check */
    public List<SweepPoint> validate(Scenario scenario) throws ScenarioException {
        return ScenarioCheck.check(scenario, catalog, registry, hints);
    }

    /**
     * Checks the scenario and starts its runs in the background.
     *
     * @throws ScenarioException when the scenario is wrong; nothing was started
     */
    public ExperimentRun start(Scenario scenario, ExperimentListener listener) throws ScenarioException {
        List<SweepPoint> points = validate(scenario);
        Workload workload = catalog.find(scenario.workload()).orElseThrow();
        return new ExperimentRun(scenario, points, workload, registry, threads, Objects.requireNonNull(listener, "listener"));
    }

    /** Runs {@code scenario} to the end on the calling thread's behalf (blocking). */
    public ExperimentResult run(Scenario scenario, ExperimentListener listener) throws ScenarioException, InterruptedException {
        return start(scenario, listener).await();
    }
}
