package org.peerlab.storage.strategies.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;

/**
 * Placement favouring reputable nodes: among nodes with enough free space and reputation at
 * least {@code min-reputation}, {@code count} distinct nodes drawn without replacement with
 * weight {@code reputation^exponent}. Uses Efraimidis-Spirakis keys: each eligible node, in input
 * order, draws u uniform in (0, 1] and gets key {@code ln(u) / weight}; the nodes with the largest
 * keys win, in decreasing key order, which is the same distribution as successive weighted draws.
 * Nodes of weight 0 come last, in input order. Thread-safe (stateless).
 */
@Component(service = { PlacementStrategy.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + PlacementStrategy.FAMILY, Strategy.NAME_PROPERTY + "=reputation-weighted" })
public class ReputationWeightedPlacement implements PlacementStrategy {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "reputation-weighted",
            "Distinct nodes with enough space and reputation >= min-reputation, drawn with weight reputation^exponent",
            ParameterSpec.decimal("min-reputation", "least reputation a node needs to be chosen", 0.5, 0, 1),
            ParameterSpec.decimal("exponent", "weight is reputation raised to this power (0: uniform)", 4, 0, 64));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws IllegalArgumentException if {@code count} or {@code shardBytes} is negative or ids repeat */
    @Override
    public List<String> place(Parameters parameters, List<NodeCandidate> candidates, int count, long shardBytes,
            RandomGenerator random) throws PlacementException {
        double exponent = parameters.getDouble("exponent");
        List<NodeCandidate> eligible = EligibleNodes.select(candidates, count, shardBytes, parameters.getDouble("min-reputation"));
        record Keyed(NodeCandidate node, double key, int order) {
        }
        List<Keyed> keyed = new ArrayList<>(eligible.size());
        for (int i = 0; i < eligible.size(); i++) {
            NodeCandidate node = eligible.get(i);
            double weight = Math.pow(node.reputation(), exponent);
            double u = 1.0 - random.nextDouble();
            keyed.add(new Keyed(node, weight > 0 ? Math.log(u) / weight : Double.NEGATIVE_INFINITY, i));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparingInt(Keyed::order));
        return keyed.subList(0, count).stream().map(k -> k.node().id()).toList();
    }
}
