package org.peerlab.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;

class StrategyTreeTest {

    private static RegisteredStrategy entry(String family, String name, ParameterSpec... params) {
        StrategyDescriptor d = StrategyDescriptor.of(family, name, "about " + name, params);
        Strategy s = () -> d;
        return new RegisteredStrategy(d, "org.example", "2.0.0", s);
    }

    @Test
    void familiesThenStrategiesThenParameters() {
        RegisteredStrategy gcm = entry("aead", "aes-256-gcm");
        RegisteredStrategy rep = entry("redundancy", "replication", ParameterSpec.integer("copies", "how many", 3, 1, 256));
        List<StrategyTree.FamilyNode> roots = StrategyTree.group(List.of(gcm, rep));
        StrategyTree tree = new StrategyTree();
        assertEquals(2, tree.getElements(roots).length);
        assertEquals("aead", StrategyTree.text(roots.get(0), 0));
        assertEquals("1 strategy", StrategyTree.text(roots.get(0), 1));
        assertFalse(tree.hasChildren(gcm));
        Object copies = tree.getChildren(rep)[0];
        assertEquals("copies = 3", StrategyTree.text(copies, 0));
        assertEquals("integer in 1..256: how many", StrategyTree.text(copies, 1));
        assertEquals("org.example 2.0.0", StrategyTree.text(rep, 2));
        assertTrue(tree.hasChildren(roots.get(1)));
    }
}
