package org.peerlab.storage.sim.internal;

import org.peerlab.core.json.JsonValue.JsonNumber;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.sim.Dist;

/**
 * Reads a distribution the way every PeerLab scenario writes one (see {@code simulation/README.md},
 * "Distributions"): a number is a constant, an object names {@code dist} and its parameters
 * ({@code uniform} min/max, {@code normal} mean/sd, {@code exponential} mean, {@code lognormal}
 * mu/sigma, {@code pareto} scale/shape, {@code constant} value).
 */
final class DistReader {

    private static final java.util.List<String> KINDS = java.util.List.of("constant", "uniform", "normal", "exponential", "lognormal",
            "pareto");

    private DistReader() {
    }

    /**
     * @param min smallest constant, uniform bound or normal mean allowed
     * @param max largest one
     * @return the distribution at {@code params.get(key)}, or {@code fallback} when absent
     */
    static Dist read(Params params, String key, Dist fallback, double min, double max) throws ScenarioException {
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
