package org.peerlab.plugins.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.peerlab.plugins.PluginException;

/**
 * Waits, within a bound, for started plugin bundles to register their strategies, so that they
 * are there when an install or a start returns. Declarative Services usually registers them
 * while the bundle starts; the wait covers the cases where that happens on another thread.
 */
final class StrategyWait {

    private static final long POLL_MILLIS = 20;
    private static final long SETTLE_NANOS = 300_000_000L;

    private final BundleHost host;
    private final Duration timeout;

    StrategyWait(BundleHost host, Duration timeout) {
        this.host = host;
        this.timeout = timeout;
    }

    /**
     * Waits until the bundles' declared strategies ({@value BundleFile#STRATEGIES_HEADER}) are all
     * registered or, when they declare none, until what they registered has not changed for 0.3 s
     * (after the first registration, when a bundle has Declarative Services components: up to the
     * timeout for that one).
     *
     * @return what the bundles registered, {@code family/name}
     * @throws PluginException if declared strategies are missing at the deadline, or on interrupt
     */
    Set<String> forPlugin(PluginPackage pkg) throws PluginException {
        Set<String> names = pkg.bundles().stream().map(BundleFile::symbolicName).collect(Collectors.toSet());
        Set<String> declared = pkg.bundles().stream().flatMap(b -> b.declaredStrategies().stream()).collect(Collectors.toCollection(TreeSet::new));
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> seen = host.strategiesOf(names);
        if (!declared.isEmpty()) {
            while (!seen.containsAll(declared)) {
                if (System.nanoTime() > deadline) {
                    Set<String> missing = new LinkedHashSet<>(declared);
                    missing.removeAll(seen);
                    throw new PluginException("the plugin declares " + String.join(", ", missing) + " (" + BundleFile.STRATEGIES_HEADER
                            + ") but did not register " + (missing.size() == 1 ? "it" : "them") + " within " + seconds()
                            + " (registered: " + (seen.isEmpty() ? "none" : String.join(", ", new TreeSet<>(seen)))
                            + "); check its components' strategy.family and strategy.name properties");
                }
                pause();
                seen = host.strategiesOf(names);
            }
            return seen;
        }
        // A component bundle registers its first strategy when Declarative Services gets to it, which on a
        // busy machine can be well after the bundle started: wait for that first one before the quiet window.
        boolean components = pkg.bundles().stream().anyMatch(b -> b.components() && !b.fragment());
        while (components && seen.isEmpty() && System.nanoTime() < deadline) {
            pause();
            seen = host.strategiesOf(names);
        }
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < SETTLE_NANOS && System.nanoTime() < deadline) {
            pause();
            Set<String> now = host.strategiesOf(names);
            if (!now.equals(seen)) {
                seen = now;
                stableSince = System.nanoTime();
            }
        }
        return seen;
    }

    /**
     * Waits until bundles of {@code names} have registered every one of {@code expected}.
     *
     * @return those still missing at the deadline (empty when all came)
     */
    Set<String> forRestored(Set<String> names, Set<String> expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!host.strategiesOf(names).containsAll(expected) && System.nanoTime() < deadline) {
                pause();
            }
        } catch (PluginException e) {
            // interrupted: report what is missing now
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(host.strategiesOf(names));
        return missing;
    }

    /** @return the timeout in words, e.g. {@code 15 s} */
    String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() / 1000.0 + " s";
    }

    private static void pause() throws PluginException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("interrupted while waiting for the plugin's strategies", e);
        }
    }
}
