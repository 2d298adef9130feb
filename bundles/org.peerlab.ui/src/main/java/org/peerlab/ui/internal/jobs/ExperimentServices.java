package org.peerlab.ui.internal.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.peerlab.core.strategy.MissingStrategyHints;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.ui.internal.errors.Errors;

/**
 * The OSGi services experiments need, followed as they come and go: the {@link WorkloadCatalog},
 * the {@link StrategyRegistry} and, when the plugin manager runs, its {@link MissingStrategyHints}.
 * Change listeners hear when a service appears or leaves and when a strategy is installed or
 * removed (editors re-check their scenario then, and refill their strategy choices). Thread-safe;
 * listeners are called on whatever thread the change happened.
 */
public final class ExperimentServices implements AutoCloseable {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ServiceTracker<WorkloadCatalog, WorkloadCatalog> catalogs;
    private final ServiceTracker<StrategyRegistry, StrategyRegistry> registries;
    private final ServiceTracker<MissingStrategyHints, MissingStrategyHints> hints;
    private volatile AutoCloseable registryListener;

    /** Starts tracking with {@code context}; {@link #close()} stops. */
    public ExperimentServices(BundleContext context) {
        catalogs = tracker(context, WorkloadCatalog.class);
        hints = tracker(context, MissingStrategyHints.class);
        registries = new ServiceTracker<>(context, StrategyRegistry.class, null) {
            @Override
            public StrategyRegistry addingService(ServiceReference<StrategyRegistry> reference) {
                StrategyRegistry r = super.addingService(reference);
                if (r != null) {
                    registryListener = r.addListener((change, strategy) -> changed());
                }
                changed();
                return r;
            }

            @Override
            public void removedService(ServiceReference<StrategyRegistry> reference, StrategyRegistry service) {
                stopListening();
                super.removedService(reference, service);
                changed();
            }
        };
        catalogs.open();
        hints.open();
        registries.open();
    }

    private <S> ServiceTracker<S, S> tracker(BundleContext context, Class<S> type) {
        return new ServiceTracker<>(context, type, null) {
            @Override
            public S addingService(ServiceReference<S> reference) {
                S s = super.addingService(reference);
                changed();
                return s;
            }

            @Override
            public void removedService(ServiceReference<S> reference, S service) {
                super.removedService(reference, service);
                changed();
            }
        };
    }

    /** @return the workload catalog, or {@code null} while it is not running */
    public WorkloadCatalog catalog() {
        return catalogs.getService();
    }

    /** @return the strategy registry, or {@code null} while it is not running */
    public StrategyRegistry registry() {
        return registries.getService();
    }

    /**
     * @return a runner over the current services with {@code threads} workers
     * @throws IllegalStateException when the workload catalog is not running
     */
    public ExperimentRunner runner(int threads) {
        WorkloadCatalog c = catalog();
        if (c == null) {
            throw new IllegalStateException("the workload catalog is not running (is org.peerlab.experiment installed and started?)");
        }
        return new ExperimentRunner(c, registry(), hints.getService(), threads);
    }

    /** Adds a listener for any change; the handle removes it. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                Errors.log("A listener of the experiment services failed", e);
            }
        }
    }

    private void stopListening() {
        AutoCloseable l = registryListener;
        registryListener = null;
        if (l != null) {
            try {
                l.close();
            } catch (Exception e) {
                Errors.log("Cannot stop listening to the strategy registry", e);
            }
        }
    }

    @Override
    public void close() {
        stopListening();
        registries.close();
        hints.close();
        catalogs.close();
        listeners.clear();
    }
}
