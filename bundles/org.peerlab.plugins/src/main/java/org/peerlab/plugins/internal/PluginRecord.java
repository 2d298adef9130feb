package org.peerlab.plugins.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.peerlab.plugins.InstalledPlugin;

/**
 * One plugin in the index: installed now, or installed before and since removed (kept so that
 * a scenario naming one of its strategies can say which plugin to install).
 *
 * @param name       plugin name; also the name of its folder under the plugins folder
 * @param version    plugin version
 * @param source     where it was installed from
 * @param installed  whether it is installed now
 * @param bundles    its bundles (for a removed plugin, those it had)
 * @param strategies the strategies it registered, {@code family/name}, sorted
 */
public record PluginRecord(String name, String version, Path source, boolean installed, List<BundleRef> bundles, List<String> strategies) {

    /**
     * A bundle of a plugin and its jar.
     *
     * @param symbolicName bundle symbolic name
     * @param version      bundle version
     * @param file         the jar's file name inside the plugin's folder
     * @param fragment     whether it is a fragment (not started)
     */
    public record BundleRef(String symbolicName, String version, String file, boolean fragment) {
        public BundleRef {
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
        }
    }

    public PluginRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        bundles = List.copyOf(bundles);
        strategies = strategies.stream().sorted().distinct().toList();
    }

    /** @return the same plugin, marked removed */
    public PluginRecord removed() {
        return new PluginRecord(name, version, source, false, bundles, strategies);
    }

    /** @return the public view */
    public InstalledPlugin toInstalledPlugin() {
        return new InstalledPlugin(name, version, source,
                bundles.stream().map(b -> b.symbolicName() + " " + b.version()).sorted().toList(), strategies);
    }
}
