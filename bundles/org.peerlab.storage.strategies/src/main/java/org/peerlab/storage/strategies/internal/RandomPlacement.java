package org.peerlab.storage.strategies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;

/**
 * Uniform placement: {@code count} distinct nodes drawn without replacement, all nodes with
 * enough free space equally likely, reputation ignored. A partial Fisher-Yates shuffle of the
 * eligible nodes in input order, so the result depends only on the candidates and the generator.
 * Thread-safe (stateless).
 */
@Component(service = { PlacementStrategy.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + PlacementStrategy.FAMILY, Strategy.NAME_PROPERTY + "=random" })
public class RandomPlacement implements PlacementStrategy {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "random",
            "Uniformly random distinct nodes among those with enough free space; reputation is ignored");

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws IllegalArgumentException if {@code count} or {@code shardBytes} is negative or ids repeat */
    @Override
    public List<String> place(Parameters parameters, List<NodeCandidate> candidates, int count, long shardBytes,
            RandomGenerator random) throws PlacementException {
        List<NodeCandidate> eligible = new ArrayList<>(EligibleNodes.select(candidates, count, shardBytes, -1));
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = i + random.nextInt(eligible.size() - i);
            NodeCandidate node = eligible.get(pick);
            eligible.set(pick, eligible.get(i));
            eligible.set(i, node);
            chosen.add(node.id());
        }
        return chosen;
    }
}
