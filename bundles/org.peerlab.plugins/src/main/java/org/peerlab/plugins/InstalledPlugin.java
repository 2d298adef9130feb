package org.peerlab.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One installed plugin.
 *
 * @param name       feature id, or the bundle's symbolic name for a bare jar
 * @param version    feature version, or the bundle's version for a bare jar
 * @param source     the repository folder, zip or jar it was installed from (absolute; it may
 *                   have moved or gone since)
 * @param bundles    its bundles as {@code symbolic-name version}, sorted
 * @param strategies the strategies it registered when installed, as {@code family/name}, sorted
 */
public record InstalledPlugin(String name, String version, Path source, List<String> bundles, List<String> strategies) {

    public InstalledPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        bundles = List.copyOf(bundles);
        strategies = List.copyOf(strategies);
    }
}
