package org.peerlab.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.sim.Metrics;
import org.peerlab.sim.Simulator;

/**
 * Everything one run (one sweep point, one replication) gets: its resolved parameters, its own
 * {@link Simulator} (random streams of {@code (seed, replication)}, a metrics sink that records
 * the run and forwards live events), the installed strategies when known, and cancellation.
 * Used by the one thread that executes the run.
 */
public final class RunContext {

    private final Scenario scenario;
    private final SweepPoint point;
    private final int replication;
    private final Simulator simulator;
    private final StrategyRegistry registry;
    private final BooleanSupplier cancelled;

    /**
     * @param registry  the installed strategies, or {@code null} when there are none to look up
     * @param cancelled true once the experiment is cancelled
     */
    public RunContext(Scenario scenario, SweepPoint point, int replication, Simulator simulator, StrategyRegistry registry,
            BooleanSupplier cancelled) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.point = Objects.requireNonNull(point, "point");
        this.replication = replication;
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.registry = registry;
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the sweep point this run belongs to */
    public SweepPoint point() {
        return point;
    }

    /** @return the replication number, from 0 */
    public int replication() {
        return replication;
    }

    /** @return this run's simulator; never shared with another run */
    public Simulator simulator() {
        return simulator;
    }

    /** @return the simulator's metrics sink */
    public Metrics metrics() {
        return simulator.metrics();
    }

    /** @return the resolved parameter root (sections workload, network, population, strategies) */
    public Params params() {
        return point.params();
    }

    /** @return the workload's own parameters */
    public Params workload() throws ScenarioException {
        return params().get("workload");
    }

    /** @return the network section */
    public Params network() throws ScenarioException {
        return params().get("network");
    }

    /** @return the population section */
    public Params population() throws ScenarioException {
        return params().get("population");
    }

    /** @return strategy family to strategy name, as resolved for this point */
    public Map<String, String> strategies() {
        Map<String, String> m = new LinkedHashMap<>();
        if (point.parameters().get("strategies") instanceof JsonValue.JsonObject o) {
            o.members().forEach((k, v) -> {
                if (v.value() instanceof JsonValue.JsonString s) {
                    m.put(k, s.value());
                }
            });
        }
        return m;
    }

    /** @return the installed strategies, when the runner was given them */
    public Optional<StrategyRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** @return the scenario's simulated time limit in nanoseconds, if it sets one */
    public OptionalLong duration() {
        return scenario.durationNanos() > 0 ? OptionalLong.of(scenario.durationNanos()) : OptionalLong.empty();
    }

    /** @return whether the experiment was cancelled; long loops outside the simulator must check it */
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** @throws CancellationException if the experiment was cancelled */
    public void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("experiment cancelled");
        }
    }
}
