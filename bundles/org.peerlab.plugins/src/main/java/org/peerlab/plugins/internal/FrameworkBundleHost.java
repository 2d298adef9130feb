package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.plugins.PluginException;

/** {@link BundleHost} on the running OSGi framework. */
final class FrameworkBundleHost implements BundleHost {

    private static final long REFRESH_WAIT_SECONDS = 60;

    private final BundleContext context;
    private final StrategyRegistry registry;

    FrameworkBundleHost(BundleContext context, StrategyRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public List<HostedBundle> bundles() {
        return Arrays.stream(context.getBundles())
                .map(b -> new HostedBundle(b.getSymbolicName() == null ? "" : b.getSymbolicName(), b.getVersion().toString(), b.getLocation()))
                .toList();
    }

    @Override
    public void install(String location, Path jar) throws PluginException {
        try (InputStream in = Files.newInputStream(jar)) {
            context.installBundle(location, in);
        } catch (BundleException e) {
            throw new PluginException("the framework refused bundle " + jar.getFileName() + ": " + oneLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new PluginException("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void resolve(List<String> locations) throws PluginException {
        List<Bundle> bundles = find(locations);
        if (wiring().resolveBundles(bundles)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.INSTALLED) {
                problems.add("bundle " + b.getSymbolicName() + " " + b.getVersion() + " does not resolve: " + unresolved(b));
            }
        }
        throw new PluginException(String.join("; ", problems));
    }

    /** The framework's own account of what is missing, which it gives when asked to start the bundle. */
    private static String unresolved(Bundle b) {
        if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return "its host bundle " + b.getHeaders("").get(Constants.FRAGMENT_HOST) + " or one of its requirements is missing";
        }
        try {
            b.start(Bundle.START_TRANSIENT);
            b.stop(Bundle.STOP_TRANSIENT);
            return "the framework did not say why";
        } catch (BundleException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            List<String> missing = message.lines().map(String::trim).filter(l -> l.startsWith("Unresolved requirement:"))
                    .map(l -> l.substring("Unresolved requirement:".length()).trim()).toList();
            return missing.isEmpty() ? oneLine(message) : "missing " + String.join(", ", missing);
        }
    }

    @Override
    public void start(String location) throws PluginException {
        Bundle b = find(List.of(location)).get(0);
        try {
            b.start(Bundle.START_ACTIVATION_POLICY);
        } catch (BundleException e) {
            throw new PluginException("bundle " + b.getSymbolicName() + " " + b.getVersion() + " failed to start: " + oneLine(e.getMessage()), e);
        }
    }

    @Override
    public void uninstall(List<String> locations) throws PluginException {
        List<Bundle> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String location : locations) {
            Bundle b = context.getBundle(location);
            if (b == null) {
                continue;
            }
            try {
                b.uninstall();
                removed.add(b);
            } catch (BundleException | IllegalStateException e) {
                problems.add(b.getSymbolicName() + ": " + oneLine(e.getMessage()));
            }
        }
        if (!removed.isEmpty()) {
            CountDownLatch refreshed = new CountDownLatch(1);
            wiring().refreshBundles(removed, event -> {
                if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                    refreshed.countDown();
                }
            });
            try {
                if (!refreshed.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    problems.add("the framework did not finish refreshing within " + REFRESH_WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted while the framework refreshed");
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginException("could not uninstall every bundle: " + String.join("; ", problems));
        }
    }

    @Override
    public Set<String> strategiesOf(Set<String> symbolicNames) {
        return registry.all().stream().filter(s -> symbolicNames.contains(s.providerBundle())).map(s -> s.descriptor().key())
                .collect(Collectors.toSet());
    }

    private List<Bundle> find(List<String> locations) {
        List<Bundle> found = new ArrayList<>();
        for (String location : locations) {
            Bundle b = context.getBundle(location);
            if (b == null) {
                throw new IllegalStateException("no bundle is installed from " + location);
            }
            found.add(b);
        }
        return found;
    }

    private FrameworkWiring wiring() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
