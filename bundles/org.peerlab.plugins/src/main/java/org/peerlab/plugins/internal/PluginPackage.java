package org.peerlab.plugins.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.peerlab.plugins.PluginException;

/**
 * What one plugin source holds: the plugin's name and version and its bundle jars (already
 * copied into a staging folder by {@link PluginPackageReader}).
 *
 * @param name    feature id, or the bundle's symbolic name for a bare jar
 * @param version feature version, or the bundle's version
 * @param source  the absolute path it was read from
 * @param bundles the plugin's bundles, sorted by symbolic name; never empty
 */
public record PluginPackage(String name, String version, Path source, List<BundleFile> bundles) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    public PluginPackage {
        bundles = List.copyOf(bundles);
    }

    /**
     * Plugin names become folder names, so they are limited to what feature ids and symbolic
     * names use.
     *
     * @throws PluginException if {@code name} has other characters
     */
    static String checkName(String name, String shownAs) throws PluginException {
        if (!NAME.matcher(name).matches()) {
            throw new PluginException(shownAs + ": '" + name + "' cannot name a plugin (letters, digits, '.', '_' and '-' only)");
        }
        return name;
    }
}
