package org.peerlab.plugins.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.peerlab.plugins.PluginException;

/**
 * The OSGi framework and the strategy registry, as far as {@link PluginLifecycle} needs them, so
 * that the lifecycle can be tested without a framework. Bundles are named by location.
 */
public interface BundleHost {

    /**
     * A bundle installed in the framework.
     *
     * @param symbolicName its symbolic name ({@code ""} if it has none)
     * @param version      its version
     * @param location     the location it was installed from
     */
    record HostedBundle(String symbolicName, String version, String location) {
    }

    /** @return every installed bundle */
    List<HostedBundle> bundles();

    /**
     * Installs the jar under {@code location} (the framework keeps its own copy).
     *
     * @throws PluginException if the framework refuses it
     */
    void install(String location, Path jar) throws PluginException;

    /**
     * Resolves the bundles at {@code locations} together.
     *
     * @throws PluginException naming each bundle that does not resolve and the requirement it misses
     */
    void resolve(List<String> locations) throws PluginException;

    /**
     * Starts the bundle at {@code location} according to its activation policy; it stays started
     * across framework restarts.
     *
     * @throws PluginException if it fails to start
     */
    void start(String location) throws PluginException;

    /**
     * Stops and uninstalls the bundles at {@code locations} (those not installed are skipped),
     * then refreshes the framework and waits for the refresh.
     *
     * @throws PluginException after trying all, if any could not be uninstalled
     */
    void uninstall(List<String> locations) throws PluginException;

    /** @return the registered strategies, {@code family/name}, provided by bundles of these symbolic names */
    Set<String> strategiesOf(Set<String> symbolicNames);
}
