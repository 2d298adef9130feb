package org.peerlab.sim.tests;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.redundancy.reedsolomon.internal.ReedSolomonStrategy;
import org.peerlab.redundancy.replication.internal.ReplicationStrategy;
import org.peerlab.storage.strategies.internal.BetaReputation;
import org.peerlab.storage.strategies.internal.MerkleChallengeScheme;
import org.peerlab.storage.strategies.internal.PrecomputedHmacScheme;
import org.peerlab.storage.strategies.internal.RandomPlacement;
import org.peerlab.storage.strategies.internal.ReputationWeightedPlacement;
import org.peerlab.storage.strategies.internal.SuccessRatioReputation;

/**
 * A fixed registry outside OSGi: the storage strategies (audit, reputation, placement) and the
 * redundancy strategies the storage workloads use, plus everything {@link SimRegistry#EXPERIMENTS}
 * has, so that every shipped scenario finds its strategies.
 */
final class StorageRegistry implements StrategyRegistry {

    static final StorageRegistry ALL = new StorageRegistry(SimRegistry.EXPERIMENTS.all(), new MerkleChallengeScheme(),
            new PrecomputedHmacScheme(), new BetaReputation(), new SuccessRatioReputation(), new RandomPlacement(),
            new ReputationWeightedPlacement(), new ReedSolomonStrategy(), new ReplicationStrategy());

    private final List<RegisteredStrategy> all = new ArrayList<>();

    private StorageRegistry(List<RegisteredStrategy> base, Strategy... strategies) {
        all.addAll(base);
        for (Strategy s : strategies) {
            all.add(new RegisteredStrategy(s.descriptor(), "test", "0", s));
        }
    }

    @Override
    public List<RegisteredStrategy> all() {
        return all;
    }

    @Override
    public AutoCloseable addListener(StrategyListener listener) {
        return () -> {
        };
    }
}
