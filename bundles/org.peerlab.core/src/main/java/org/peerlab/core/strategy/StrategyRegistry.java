package org.peerlab.core.strategy;

import java.util.List;
import java.util.Optional;

/**
 * Tracks every {@link Strategy} service, grouped by family. Bundles installed or removed at
 * runtime appear and disappear here at once. Thread-safe.
 */
public interface StrategyRegistry {

    /** @return every registered strategy, sorted by family then name */
    List<RegisteredStrategy> all();

    /** @return the names of the families that have at least one strategy, sorted */
    default List<String> families() {
        return all().stream().map(RegisteredStrategy::family).distinct().toList();
    }

    /** @return the live view of one family (empty if nothing of it is installed yet) */
    default StrategyFamily family(String family) {
        return new StrategyFamily() {
            @Override
            public String name() {
                return family;
            }

            @Override
            public List<RegisteredStrategy> strategies() {
                return all().stream().filter(s -> s.family().equals(family)).toList();
            }

            @Override
            public Optional<RegisteredStrategy> find(String strategyName) {
                return strategies().stream().filter(s -> s.name().equals(strategyName)).findFirst();
            }
        };
    }

    /**
     * Registers a listener told of every later change. Returns a handle that removes it.
     */
    AutoCloseable addListener(StrategyListener listener);
}
