package org.peerlab.experiment.workloads;

import java.util.List;

import org.peerlab.core.json.JsonValue.JsonNumber;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.sim.Dist;

/**
 * Reads a distribution from a scenario: a number is a constant; an object names the
 * distribution and its parameters: {@code {"dist": "uniform", "min": 10, "max": 60}},
 * {@code {"dist": "normal", "mean": 20, "sd": 2}}, {@code {"dist": "exponential", "mean": 5}},
 * {@code {"dist": "lognormal", "mu": 3, "sigma": 0.5}}, {@code {"dist": "pareto", "scale": 1, "shape": 1.5}}.
 */
public final class DistParams {

    static final List<String> KINDS = List.of("constant", "uniform", "normal", "exponential", "lognormal", "pareto");

    private DistParams() {
    }

    /** @return the distribution at {@code params.get(key)}, or {@code fallback} when absent */
    public static Dist read(Params params, String key, Dist fallback, double min, double max) throws ScenarioException {
        Params p = params.get(key);
        if (!p.present()) {
            return fallback;
        }
        if (p.json() instanceof JsonNumber) {
            return Dist.constant(p.asNumber(min, max));
        }
        String kind = p.get("dist").required("the distribution's name").asChoice(KINDS);
        try {
            return switch (kind) {
                case "constant" -> {
                    p.allowOnly("dist", "value");
                    yield Dist.constant(p.number("value", min, max));
                }
                case "uniform" -> {
                    p.allowOnly("dist", "min", "max");
                    yield Dist.uniform(p.number("min", min, max), p.number("max", min, max));
                }
                case "normal" -> {
                    p.allowOnly("dist", "mean", "sd");
                    yield Dist.normal(p.number("mean", min, max), p.number("sd", 0, max));
                }
                case "exponential" -> {
                    p.allowOnly("dist", "mean");
                    yield Dist.exponential(p.number("mean", 0, max));
                }
                case "lognormal" -> {
                    p.allowOnly("dist", "mu", "sigma");
                    yield Dist.lognormal(p.number("mu", -100, 100), p.number("sigma", 0, 100));
                }
                default -> {
                    p.allowOnly("dist", "scale", "shape");
                    yield Dist.pareto(p.number("scale", 0, max), p.number("shape", 0, 1000));
                }
            };
        } catch (IllegalArgumentException e) {
            throw p.problem(e.getMessage());
        }
    }
}
