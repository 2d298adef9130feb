package org.peerlab.storage.api;

import java.util.List;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/** Chooses the nodes a file's shards go to (family {@value #FAMILY}): {@code random}, {@code reputation-weighted}, ... */
public interface PlacementStrategy extends Strategy {

    String FAMILY = "placement";

    /**
     * Picks {@code count} distinct nodes among {@code candidates} that have at least
     * {@code shardBytes} free.
     *
     * @return the chosen ids, in shard order
     * @throws PlacementException if fewer than {@code count} nodes qualify (the message says how many did)
     */
    List<String> place(Parameters parameters, List<NodeCandidate> candidates, int count, long shardBytes, RandomGenerator random)
            throws PlacementException;

    /** Not enough suitable nodes. */
    final class PlacementException extends Exception {
        private static final long serialVersionUID = 1L;

        public PlacementException(String message) {
            super(message);
        }
    }
}
