package org.peerlab.core.strategy;

/**
 * Told when a strategy appears or disappears. Called on the thread that registered or
 * unregistered the service (often the Service Component Runtime's): return quickly, and hand
 * UI work to the UI thread.
 */
@FunctionalInterface
public interface StrategyListener {

    /** What happened to a strategy. */
    enum Change { ADDED, REMOVED }

    void strategyChanged(Change change, RegisteredStrategy strategy);
}
