package org.peerlab.sim.nat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a study produced.
 *
 * @param setup    what was run
 * @param seed     the experiment seed of the simulator's streams
 * @param attempts one result per pair and strategy, in run order
 */
public record StudyResult(StudySetup setup, long seed, List<AttemptResult> attempts) {

    public StudyResult {
        attempts = List.copyOf(attempts);
    }

    /** @return the summary per strategy, in the setup's order */
    public Map<String, StudySummary> byStrategy() {
        Map<String, StudySummary> out = new LinkedHashMap<>();
        for (String s : setup.strategies()) {
            out.put(s, StudySummary.of(attempts.stream().filter(a -> a.strategy().equals(s)).toList()));
        }
        return out;
    }

    /** @return the summary of {@code strategy} per NAT pair label, sorted by label */
    public Map<String, StudySummary> byPair(String strategy) {
        Map<String, List<AttemptResult>> groups = attempts.stream().filter(a -> a.strategy().equals(strategy))
                .collect(Collectors.groupingBy(AttemptResult::pairLabel, TreeMap::new, Collectors.toList()));
        Map<String, StudySummary> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, StudySummary.of(v)));
        return out;
    }
}
