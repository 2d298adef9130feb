package org.peerlab.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.core.config.UserFolders;
import org.peerlab.core.strategy.MissingStrategyHints;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.plugins.InstalledPlugin;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.PluginManager;

/**
 * The {@link PluginManager} service, also the {@link MissingStrategyHints} service. Immediate, so
 * that installed plugins are back before any command or view asks for strategies: activation
 * restores them (see {@link PluginLifecycle#restore()}). The plugins folder is {@code plugins/}
 * in {@link UserFolders#config()}.
 */
@Component(service = { PluginManager.class, MissingStrategyHints.class }, immediate = true)
public class PluginManagerComponent implements PluginManager, MissingStrategyHints {

    private static final System.Logger LOG = System.getLogger(PluginManagerComponent.class.getName());
    private static final Duration STRATEGY_WAIT = Duration.ofSeconds(15);

    @Reference
    StrategyRegistry registry;

    private PluginLifecycle lifecycle;

    @Activate
    void activate(BundleContext context) {
        lifecycle = new PluginLifecycle(UserFolders.config().resolve("plugins"), new FrameworkBundleHost(context, registry),
                productFeatures(context), STRATEGY_WAIT);
        lifecycle.restore().forEach(problem -> LOG.log(System.Logger.Level.WARNING, problem));
    }

    @Override
    public List<InstalledPlugin> list() {
        return lifecycle.list();
    }

    @Override
    public InstalledPlugin install(Path source) throws PluginException {
        return lifecycle.install(source);
    }

    @Override
    public void uninstall(String name) throws PluginException {
        lifecycle.uninstall(name);
    }

    @Override
    public Optional<String> providerOf(String family, String strategy) {
        return lifecycle.providerOf(family, strategy);
    }

    @Override
    public Optional<String> hintFor(String family, String strategy) {
        return lifecycle.hintFor(family, strategy);
    }

    /** @return the ids of the features in the product's {@code features/} folder (empty when not run from a product) */
    private static Set<String> productFeatures(BundleContext context) {
        String area = context.getProperty("osgi.install.area");
        if (area == null) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(Path.of(new URI(area.replace(" ", "%20"))).resolve("features"))) {
            return s.map(p -> p.getFileName().toString().replaceFirst("_\\d.*$", "")).collect(Collectors.toSet());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Set.of();
        }
    }
}
