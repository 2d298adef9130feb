package org.peerlab.storage.sim.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.peerlab.core.json.JsonValue;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;

/**
 * Strategy parameters a scenario gives in {@code workload.strategy-parameters}, keyed by family,
 * then strategy name, then parameter: {@code {"reputation": {"beta": {"dq-threshold": 0.95}}}}.
 * Keying by name lets a sweep over {@code strategies.reputation} carry each strategy's own
 * values; entries of strategies a point does not use are ignored. The values are bound by the
 * strategy's own descriptor at run time (the registry is not known when validating), so a
 * misspelt parameter fails the run with the strategy's message and this file position.
 */
final class StrategyParameters {

    private final Params root;

    private StrategyParameters(Params root) {
        this.root = root;
    }

    /**
     * Reads and checks the structure: families among {@code families}, objects of objects of
     * numbers, strings or booleans.
     */
    static StrategyParameters read(Params workload, Collection<String> families) throws ScenarioException {
        Params p = workload.get("strategy-parameters");
        p.allowOnly(families);
        for (String family : p.keys()) {
            Params f = p.get(family);
            for (String name : f.keys()) {
                Params s = f.get(name);
                for (String parameter : s.keys()) {
                    text(s.get(parameter));
                }
            }
        }
        return new StrategyParameters(p);
    }

    /**
     * Looks up strategy {@code name} of {@code family} and binds its parameters: the scenario's
     * entry for it, overridden by {@code fixed} (values the workload sets itself, e.g. the audit
     * scheme's {@code blocks} from {@code workload.challenge-blocks}).
     *
     * @throws ScenarioException if a value is rejected by the strategy
     */
    <T extends Strategy> Bound<T> bind(StrategyRegistry registry, String family, String name, Class<T> type, Map<String, String> fixed)
            throws ScenarioException {
        T strategy = registry.family(family).require(name, type);
        Params entry = root.get(family).get(name);
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : entry.keys()) {
            values.put(parameter, text(entry.get(parameter)));
        }
        values.putAll(fixed);
        try {
            return new Bound<>(strategy, strategy.descriptor().bind(values));
        } catch (InvalidParameterException e) {
            throw (entry.present() ? entry : root).problem(e.getMessage());
        }
    }

    /** A strategy with its bound parameters. */
    record Bound<T extends Strategy>(T strategy, Parameters parameters) {
    }

    private static String text(Params value) throws ScenarioException {
        JsonValue v = value.json();
        if (v instanceof JsonValue.JsonNumber n) {
            return n.text();
        }
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        if (v instanceof JsonValue.JsonBoolean b) {
            return Boolean.toString(b.value());
        }
        throw value.problem("a strategy parameter is a number, a string or true/false");
    }
}
