package org.peerlab.storage.sim.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.peerlab.core.json.JsonValue;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.redundancy.api.RedundancyScheme;

/**
 * Which redundancy strategy a {@code durability} point uses, with which parameters. Either
 * {@code strategies.redundancy} with its parameters from {@code workload.strategy-parameters},
 * or a named preset: {@code workload.codec} names one of {@code workload.codecs}, each an
 * object with {@code strategy}, that strategy's parameters and optionally
 * {@code repair-threshold}. Presets exist so that one sweep axis ({@code workload.codec}) can
 * compare configurations that differ in strategy <em>and</em> parameters, e.g. Reed-Solomon
 * 8-of-20, 8-of-24 and three replicas.
 *
 * @param label           the preset's name, or the strategy's name
 * @param strategy        the redundancy strategy's name
 * @param parameters      the strategy parameters the preset gives (as text), empty without a preset
 * @param repairThreshold repair when fewer shards are healthy, or 0 for the planner's default
 * @param where           the preset (or strategies.redundancy), for errors found at run time
 */
record CodecChoice(String label, String strategy, Map<String, String> parameters, int repairThreshold, Params where) {

    /** Reads the choice of one point. */
    static CodecChoice read(Params params) throws ScenarioException {
        Params w = params.get("workload");
        Params named = params.get("strategies").get(RedundancyScheme.FAMILY);
        Params codecs = w.get("codecs");
        for (String name : codecs.keys()) {
            preset(codecs.get(name), name);
        }
        Params codec = w.get("codec");
        if (!codec.present()) {
            String strategy = named.present() ? named.asString() : "reed-solomon";
            return new CodecChoice(strategy, strategy, Map.of(), 0, named);
        }
        String name = codec.asChoice(codecs.keys());
        CodecChoice choice = preset(codecs.get(name), name);
        if (named.present() && !named.asString().equals(choice.strategy())) {
            throw named.problem("says '" + named.asString() + "' but workload.codec '" + name + "' uses '" + choice.strategy()
                    + "'; leave strategies.redundancy out when choosing codecs by preset");
        }
        return choice;
    }

    private static CodecChoice preset(Params p, String name) throws ScenarioException {
        String strategy = p.get("strategy").required("the redundancy strategy's name").asString();
        int threshold = (int) p.integer("repair-threshold", 0, 2, 256);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : p.keys()) {
            if (key.equals("strategy") || key.equals("repair-threshold")) {
                continue;
            }
            JsonValue v = p.get(key).json();
            if (v instanceof JsonValue.JsonNumber n) {
                values.put(key, n.text());
            } else if (v instanceof JsonValue.JsonString s) {
                values.put(key, s.value());
            } else if (v instanceof JsonValue.JsonBoolean b) {
                values.put(key, Boolean.toString(b.value()));
            } else {
                throw p.get(key).problem("a strategy parameter is a number, a string or true/false");
            }
        }
        return new CodecChoice(name, strategy, values, threshold, p);
    }
}
