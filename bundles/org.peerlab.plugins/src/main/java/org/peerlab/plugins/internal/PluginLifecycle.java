package org.peerlab.plugins.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.peerlab.plugins.InstalledPlugin;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.internal.BundleHost.HostedBundle;
import org.peerlab.plugins.internal.PluginRecord.BundleRef;

/**
 * Installs, removes and restores plugins, keeping the {@link PluginFolder} and the bundles
 * installed in the framework in step. Plugin bundles are installed under the location
 * {@value #LOCATION_PREFIX}{@code plugin/symbolic-name}, which tells them from the product's own.
 *
 * <p>Thread-safe: changes run one at a time and hold the folder's lock, so that processes sharing
 * the folder take turns; each change first re-reads the index and brings the framework in line
 * with it, so it also sees other processes' changes.
 */
public final class PluginLifecycle {

    /** Location prefix of bundles installed by plugins. */
    public static final String LOCATION_PREFIX = "peerlab-plugin:";

    private static final System.Logger LOG = System.getLogger(PluginLifecycle.class.getName());

    private final PluginFolder folder;
    private final BundleHost host;
    private final Set<String> productFeatures;
    private final StrategyWait wait;
    private volatile PluginIndex index = PluginIndex.empty();

    /**
     * @param folder          the plugins folder (created when the first plugin is installed)
     * @param host            the framework
     * @param productFeatures ids of the product's own features, which are never plugins
     * @param strategyWait    how long to wait for a started plugin's strategies to register
     */
    public PluginLifecycle(Path folder, BundleHost host, Set<String> productFeatures, Duration strategyWait) {
        this.folder = new PluginFolder(folder);
        this.host = host;
        this.productFeatures = Set.copyOf(productFeatures);
        this.wait = new StrategyWait(host, strategyWait);
    }

    /**
     * Reads the index, installs and starts the recorded bundles the framework lacks (the launcher
     * drops bundles installed at run time when it starts), uninstalls plugin bundles the index does
     * not list (left by a run with another configuration folder), and waits for the restored
     * plugins' strategies.
     *
     * @return what went wrong, one message each (the rest was restored)
     */
    public synchronized List<String> restore() {
        try {
            index = PluginIndex.load(folder.indexFile());
        } catch (PluginException e) {
            return List.of(e.getMessage());
        }
        return reconcile(index);
    }

    /** @return the installed plugins, sorted by name */
    public List<InstalledPlugin> list() {
        return index.installed().stream().map(PluginRecord::toInstalledPlugin).toList();
    }

    /** @return the name of the plugin that provides or provided {@code family/strategy} */
    public Optional<String> providerOf(String family, String strategy) {
        return index.providerOf(family, strategy).map(PluginRecord::name);
    }

    /** @return advice for an error naming {@code family/strategy} when it is not installed */
    public Optional<String> hintFor(String family, String strategy) {
        return index.providerOf(family, strategy).map(p -> p.installed()
                ? "plugin " + p.name() + " provides it but did not register it in this run; uninstall and install it again"
                : "provided by plugin " + p.name() + ": install it with ./peerlab plugins install PATH (it was installed from " + p.source() + ")");
    }

    /** @see org.peerlab.plugins.PluginManager#install */
    public synchronized InstalledPlugin install(Path source) throws PluginException {
        try (PluginFolder.Lock lock = folder.lock()) {
            PluginIndex current = reload();
            Path staging = folder.createStaging();
            List<String> installed = new ArrayList<>();
            Path target = null;
            boolean done = false;
            try {
                PluginPackage pkg = PluginPackageReader.read(source, staging);
                refuseClashes(pkg, current);
                for (BundleFile b : pkg.bundles()) {
                    String location = location(pkg.name(), b.symbolicName());
                    host.install(location, b.file());
                    installed.add(location);
                }
                host.resolve(installed);
                for (BundleFile b : pkg.bundles()) {
                    if (!b.fragment()) {
                        host.start(location(pkg.name(), b.symbolicName()));
                    }
                }
                Set<String> strategies = wait.forPlugin(pkg);
                target = folder.commit(staging, pkg.name());
                List<BundleRef> refs = pkg.bundles().stream()
                        .map(b -> new BundleRef(b.symbolicName(), b.version(), b.file().getFileName().toString(), b.fragment())).toList();
                PluginRecord record = new PluginRecord(pkg.name(), pkg.version(), pkg.source(), true, refs, List.copyOf(strategies));
                PluginIndex next = current.with(record);
                next.save(folder.indexFile());
                index = next;
                done = true;
                return record.toInstalledPlugin();
            } finally {
                if (!done) {
                    rollBack(installed, staging, target);
                }
            }
        }
    }

    /** @see org.peerlab.plugins.PluginManager#uninstall */
    public synchronized void uninstall(String name) throws PluginException {
        if (!Files.exists(folder.indexFile())) {
            throw notInstalled(name, PluginIndex.empty()); // and create no folder to say so
        }
        try (PluginFolder.Lock lock = folder.lock()) {
            PluginIndex current = reload();
            PluginRecord record = current.find(name).filter(PluginRecord::installed).orElseThrow(() -> notInstalled(name, current));
            host.uninstall(record.bundles().stream().map(b -> location(record.name(), b.symbolicName())).toList());
            PluginIndex next = current.with(record.removed());
            next.save(folder.indexFile());
            index = next;
            try {
                folder.deletePlugin(record.name());
            } catch (PluginException e) {
                LOG.log(System.Logger.Level.WARNING, "plugin " + name + " is uninstalled, but its files remain: " + e.getMessage());
            }
        }
    }

    private PluginException notInstalled(String name, PluginIndex current) {
        boolean product = productFeatures.contains(name)
                || host.bundles().stream().anyMatch(b -> b.symbolicName().equals(name) && !b.location().startsWith(LOCATION_PREFIX));
        List<String> names = current.installed().stream().map(PluginRecord::name).toList();
        String installed = names.isEmpty() ? "no plugins are installed" : "installed plugins: " + String.join(", ", names);
        return new PluginException(product ? name + " is part of the PeerLab product, not a plugin, and cannot be uninstalled (" + installed + ")"
                : "no plugin named " + name + " is installed (" + installed + ")");
    }

    private void refuseClashes(PluginPackage pkg, PluginIndex current) throws PluginException {
        Optional<PluginRecord> same = current.find(pkg.name()).filter(PluginRecord::installed);
        if (same.isPresent()) {
            throw new PluginException("plugin " + pkg.name() + " " + same.get().version() + " is already installed (from " + same.get().source()
                    + "); uninstall it first");
        }
        if (productFeatures.contains(pkg.name())) {
            throw new PluginException(pkg.name() + " is a feature of the PeerLab product itself, not a plugin");
        }
        Map<String, HostedBundle> hosted = host.bundles().stream()
                .collect(Collectors.toMap(HostedBundle::symbolicName, Function.identity(), (a, b) -> a));
        for (BundleFile b : pkg.bundles()) {
            HostedBundle h = hosted.get(b.symbolicName());
            if (h == null) {
                continue;
            }
            if (h.location().startsWith(LOCATION_PREFIX)) {
                String owner = h.location().substring(LOCATION_PREFIX.length()).split("/", 2)[0];
                throw new PluginException("bundle " + b.symbolicName() + " is already installed by plugin " + owner);
            }
            throw new PluginException("bundle " + b.symbolicName() + " is part of the PeerLab product already (version " + h.version()
                    + "); a plugin can only add bundles");
        }
    }

    private PluginIndex reload() throws PluginException {
        PluginIndex current = PluginIndex.load(folder.indexFile());
        index = current;
        reconcile(current).forEach(p -> LOG.log(System.Logger.Level.WARNING, p));
        return current;
    }

    /** Brings the framework's plugin bundles in line with {@code current}; returns the problems. */
    private List<String> reconcile(PluginIndex current) {
        List<String> problems = new ArrayList<>();
        Set<String> present = host.bundles().stream().map(HostedBundle::location).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        List<String> added = new ArrayList<>();
        List<String> toStart = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> strategies = new HashSet<>();
        for (PluginRecord p : current.installed()) {
            List<String> mine = new ArrayList<>();
            try {
                for (BundleRef b : p.bundles()) {
                    String location = location(p.name(), b.symbolicName());
                    expected.add(location);
                    if (present.contains(location)) {
                        continue;
                    }
                    Path jar = folder.jar(p.name(), b.file());
                    if (!Files.isRegularFile(jar)) {
                        throw new PluginException("its bundle jar " + jar + " is missing");
                    }
                    host.install(location, jar);
                    mine.add(location);
                    if (!b.fragment()) {
                        toStart.add(location);
                    }
                }
            } catch (PluginException e) {
                problems.add("plugin " + p.name() + " could not be restored: " + e.getMessage() + "; uninstall and install it again");
            }
            if (!mine.isEmpty()) {
                added.addAll(mine);
                p.bundles().forEach(b -> names.add(b.symbolicName()));
                strategies.addAll(p.strategies());
            }
        }
        List<String> stale = present.stream().filter(l -> l.startsWith(LOCATION_PREFIX) && !expected.contains(l)).sorted().toList();
        if (!stale.isEmpty()) {
            try {
                host.uninstall(stale);
            } catch (PluginException e) {
                problems.add("plugin bundles not in " + folder.indexFile() + " remain: " + e.getMessage());
            }
        }
        if (added.isEmpty()) {
            return problems;
        }
        try {
            host.resolve(added);
            for (String location : toStart) {
                host.start(location);
            }
        } catch (PluginException e) {
            problems.add("restoring plugins: " + e.getMessage());
            return problems;
        }
        Set<String> missing = wait.forRestored(names, strategies);
        if (!missing.isEmpty()) {
            problems.add("restored plugins did not register " + String.join(", ", missing) + " within " + wait.seconds());
        }
        return problems;
    }

    private void rollBack(List<String> installed, Path staging, Path target) {
        if (!installed.isEmpty()) {
            try {
                host.uninstall(installed);
            } catch (PluginException e) {
                LOG.log(System.Logger.Level.ERROR, "rolling back a failed plugin install: " + e.getMessage());
            }
        }
        for (Path p : target == null ? List.of(staging) : List.of(staging, target)) {
            try {
                PluginFolder.deleteTree(p);
            } catch (PluginException e) {
                LOG.log(System.Logger.Level.ERROR, "rolling back a failed plugin install: " + e.getMessage());
            }
        }
    }

    static String location(String plugin, String symbolicName) {
        return LOCATION_PREFIX + plugin + "/" + symbolicName;
    }
}
