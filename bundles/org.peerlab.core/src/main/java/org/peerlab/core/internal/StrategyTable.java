package org.peerlab.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyListener.Change;
import org.peerlab.core.strategy.StrategyRegistry;

/**
 * The registry's state, free of OSGi so that it can be tested plainly. When two services claim
 * the same family and name, the one with the higher service ranking (then the older one) is
 * visible; the other takes over if the first goes away.
 */
public class StrategyTable implements StrategyRegistry {

    private static final System.Logger LOG = System.getLogger(StrategyTable.class.getName());

    /** A registered entry with what is needed to order duplicates. */
    record Entry(RegisteredStrategy strategy, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> PRECEDENCE = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final List<StrategyListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a strategy service. Rejects (with a logged warning) a service whose descriptor
     * disagrees with its service properties, since callers look strategies up by those.
     *
     * @return whether the strategy was accepted
     */
    public boolean add(RegisteredStrategy strategy, String familyProperty, String nameProperty, int ranking, long serviceId) {
        if (!strategy.family().equals(familyProperty) || !strategy.name().equals(nameProperty)) {
            LOG.log(System.Logger.Level.WARNING, "ignoring strategy service from {0}: properties say {1}/{2} but its descriptor says {3}",
                    strategy.providerBundle(), familyProperty, nameProperty, strategy.descriptor().key());
            return false;
        }
        RegisteredStrategy becameVisible = null;
        synchronized (byKey) {
            List<Entry> entries = byKey.computeIfAbsent(strategy.descriptor().key(), k -> new ArrayList<>());
            RegisteredStrategy before = entries.isEmpty() ? null : entries.get(0).strategy();
            entries.add(new Entry(strategy, ranking, serviceId));
            entries.sort(PRECEDENCE);
            if (entries.get(0).strategy() != before) {
                becameVisible = entries.get(0).strategy();
                if (before != null) {
                    fire(Change.REMOVED, before);
                }
            }
        }
        if (becameVisible != null) {
            fire(Change.ADDED, becameVisible);
        }
        return true;
    }

    /** Removes the service with {@code serviceId}; does nothing if it is not present. */
    public void remove(String family, String name, long serviceId) {
        RegisteredStrategy removed = null;
        RegisteredStrategy successor = null;
        synchronized (byKey) {
            String key = family + "/" + name;
            List<Entry> entries = byKey.get(key);
            if (entries == null) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).serviceId() == serviceId) {
                    Entry gone = entries.remove(i);
                    if (i == 0) {
                        removed = gone.strategy();
                        successor = entries.isEmpty() ? null : entries.get(0).strategy();
                    }
                    break;
                }
            }
            if (entries.isEmpty()) {
                byKey.remove(key);
            }
        }
        if (removed != null) {
            fire(Change.REMOVED, removed);
        }
        if (successor != null) {
            fire(Change.ADDED, successor);
        }
    }

    @Override
    public List<RegisteredStrategy> all() {
        synchronized (byKey) {
            return byKey.values().stream().map(l -> l.get(0).strategy())
                    .sorted(Comparator.comparing(RegisteredStrategy::family).thenComparing(RegisteredStrategy::name))
                    .toList();
        }
    }

    @Override
    public AutoCloseable addListener(StrategyListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(Change change, RegisteredStrategy strategy) {
        for (StrategyListener l : listeners) {
            try {
                l.strategyChanged(change, strategy);
            } catch (RuntimeException e) {
                // One faulty listener must not stop the others from hearing of the change.
                LOG.log(System.Logger.Level.ERROR, "strategy listener " + l + " failed on " + change + " " + strategy, e);
            }
        }
    }
}
