package org.peerlab.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.RegisteredStrategy;

/**
 * The Strategies view's tree: families, then their strategies, then each strategy's
 * parameters. Built from a registry snapshot; rebuilt whenever the registry changes.
 */
final class StrategyTree implements ITreeContentProvider {

    /** A family and its strategies. */
    record FamilyNode(String name, List<RegisteredStrategy> strategies) {
    }

    /** One parameter of a strategy. */
    record ParameterNode(RegisteredStrategy owner, ParameterSpec spec) {
    }

    static List<FamilyNode> group(List<RegisteredStrategy> all) {
        Map<String, List<RegisteredStrategy>> byFamily = new LinkedHashMap<>();
        for (RegisteredStrategy s : all) {
            byFamily.computeIfAbsent(s.family(), f -> new ArrayList<>()).add(s);
        }
        return byFamily.entrySet().stream().map(e -> new FamilyNode(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    @Override
    public Object[] getElements(Object input) {
        return ((List<?>) input).toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof FamilyNode f) {
            return f.strategies().toArray();
        }
        if (parent instanceof RegisteredStrategy s) {
            return s.descriptor().parameters().stream().map(p -> new ParameterNode(s, p)).toArray();
        }
        return new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return getChildren(element).length > 0;
    }

    /** Text of a cell: column 0 name, 1 description, 2 provider. */
    static String text(Object element, int column) {
        if (element instanceof FamilyNode f) {
            return switch (column) {
                case 0 -> f.name();
                case 1 -> f.strategies().size() + (f.strategies().size() == 1 ? " strategy" : " strategies");
                default -> "";
            };
        }
        if (element instanceof RegisteredStrategy s) {
            return switch (column) {
                case 0 -> s.name();
                case 1 -> s.descriptor().description();
                default -> s.providerBundle() + " " + s.providerVersion();
            };
        }
        if (element instanceof ParameterNode p) {
            ParameterSpec spec = p.spec();
            return switch (column) {
                case 0 -> spec.name() + " = " + spec.defaultValue();
                case 1 -> spec.type().label() + " in " + spec.allowed() + ": " + spec.description();
                default -> "";
            };
        }
        return "";
    }
}
