package org.peerlab.core.strategy;

import java.util.List;

/**
 * Tracks every {@link Strategy} service, grouped by family. Bundles installed or removed at
 * runtime appear and disappear here at once. Thread-safe.
 */
public interface StrategyRegistry {

    /** @return every registered strategy, sorted by family then name */
    List<RegisteredStrategy> all();

    /** @return the names of the families that have at least one strategy, sorted */
    List<String> families();

    /** @return the live view of one family (empty if nothing of it is installed yet) */
    StrategyFamily family(String family);

    /**
     * Registers a listener told of every later change. Returns a handle that removes it.
     */
    AutoCloseable addListener(StrategyListener listener);
}
