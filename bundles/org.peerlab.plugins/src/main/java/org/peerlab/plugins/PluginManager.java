package org.peerlab.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Installs and removes strategy plugins at run time. A plugin is one feature of a p2 repository
 * (its name is the feature id) or one bundle jar (its name is the bundle's symbolic name). Its
 * bundles are copied into the user's configuration folder ({@code plugins/} under
 * {@link org.peerlab.core.config.UserFolders#config()}), so it stays installed after a restart,
 * and are started at once, so its strategies appear in the {@link org.peerlab.core.strategy.StrategyRegistry}
 * before {@link #install} returns.
 *
 * <p>Registered as an OSGi service. Thread-safe: installs and uninstalls run one at a time (also
 * across processes sharing one configuration folder). Both block for up to some seconds while the
 * framework resolves, starts or refreshes bundles; do not call them on a UI thread.
 */
public interface PluginManager {

    /** @return the installed plugins, sorted by name */
    List<InstalledPlugin> list();

    /**
     * Installs the plugin held by {@code source}. On failure nothing is left behind: no bundle,
     * no file, no index entry.
     *
     * @param source a p2 repository folder (with {@code plugins/} and {@code features/}), a zip
     *               of one, or a bundle jar
     * @return what was installed, with the strategies it registered
     * @throws PluginException if the source is not one of those, holds no bundles, holds a jar
     *                         without {@code Bundle-SymbolicName}, the plugin or one of its bundles is
     *                         already installed, a bundle does not resolve (the message names the
     *                         missing requirement), or the files cannot be written
     */
    InstalledPlugin install(Path source) throws PluginException;

    /**
     * Stops and removes the plugin's bundles (refreshing the framework), deletes its files and
     * marks it uninstalled; {@link #providerOf} still knows it afterwards.
     *
     * @param name as shown by {@link #list()}
     * @throws PluginException if no plugin of that name is installed, the name belongs to the
     *                         PeerLab product itself, or the framework refuses
     */
    void uninstall(String name) throws PluginException;

    /**
     * @param family   strategy family, e.g. {@code aead}
     * @param strategy strategy name, e.g. {@code aes-256-ctr-hmac-sha256}
     * @return the name of a plugin, installed now or before, that provided that strategy
     */
    Optional<String> providerOf(String family, String strategy);
}
