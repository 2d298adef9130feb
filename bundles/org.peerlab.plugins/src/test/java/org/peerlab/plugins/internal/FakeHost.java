package org.peerlab.plugins.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerlab.plugins.PluginException;

/**
 * A framework stand-in: bundles by location, started or not; a started bundle "registers" the
 * strategies its manifest declares, unless told to register others.
 */
final class FakeHost implements BundleHost {

    record FakeBundle(String symbolicName, String version, List<String> declared, boolean[] started) {
    }

    final Map<String, FakeBundle> bundles = new LinkedHashMap<>();
    final Set<String> unresolvable = new HashSet<>();
    final Map<String, List<String>> registers = new HashMap<>();
    /** Milliseconds after its start before a bundle's strategies appear (as Declarative Services on a busy machine). */
    final Map<String, Long> registersAfterMillis = new HashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    int refreshes;

    /** Adds a bundle of the product itself. */
    FakeHost product(String symbolicName) {
        bundles.put("reference:file:plugins/" + symbolicName + ".jar", new FakeBundle(symbolicName, "0.1.0", List.of(), new boolean[] { true }));
        return this;
    }

    List<String> pluginLocations() {
        return bundles.keySet().stream().filter(l -> l.startsWith(PluginLifecycle.LOCATION_PREFIX)).toList();
    }

    boolean started(String symbolicName) {
        return bundles.values().stream().anyMatch(b -> b.symbolicName().equals(symbolicName) && b.started()[0]);
    }

    @Override
    public List<HostedBundle> bundles() {
        List<HostedBundle> all = new ArrayList<>();
        bundles.forEach((l, b) -> all.add(new HostedBundle(b.symbolicName(), b.version(), l)));
        return all;
    }

    @Override
    public void install(String location, Path jar) throws PluginException {
        if (bundles.containsKey(location)) {
            throw new IllegalStateException("installed twice: " + location);
        }
        BundleFile b = BundleFile.read(jar, jar.toString());
        try {
            java.nio.file.Files.size(jar); // the real framework reads the jar now
        } catch (IOException e) {
            throw new PluginException(e.getMessage());
        }
        bundles.put(location, new FakeBundle(b.symbolicName(), b.version(), b.declaredStrategies(), new boolean[1]));
    }

    @Override
    public void resolve(List<String> locations) throws PluginException {
        for (String l : locations) {
            if (unresolvable.contains(bundles.get(l).symbolicName())) {
                throw new PluginException("bundle " + bundles.get(l).symbolicName() + " does not resolve: missing Import-Package: org.nowhere");
            }
        }
    }

    @Override
    public void start(String location) {
        bundles.get(location).started()[0] = true;
        startedAt.put(bundles.get(location).symbolicName(), System.nanoTime());
    }

    @Override
    public void uninstall(List<String> locations) {
        locations.forEach(bundles::remove);
        refreshes++;
    }

    @Override
    public Set<String> strategiesOf(Set<String> symbolicNames) {
        Set<String> s = new HashSet<>();
        for (FakeBundle b : bundles.values()) {
            long delay = registersAfterMillis.getOrDefault(b.symbolicName(), 0L) * 1_000_000L;
            if (b.started()[0] && symbolicNames.contains(b.symbolicName())
                    && System.nanoTime() - startedAt.getOrDefault(b.symbolicName(), 0L) >= delay) {
                s.addAll(registers.getOrDefault(b.symbolicName(), b.declared()));
            }
        }
        return s;
    }
}
