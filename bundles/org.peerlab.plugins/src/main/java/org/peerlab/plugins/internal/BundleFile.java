package org.peerlab.plugins.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

import org.peerlab.plugins.PluginException;

/**
 * A bundle jar of a plugin, as its manifest describes it.
 *
 * @param symbolicName       {@code Bundle-SymbolicName} without directives
 * @param version            {@code Bundle-Version}, {@code 0.0.0} when absent
 * @param fragment           whether it has a {@code Fragment-Host} (fragments are not started)
 * @param declaredStrategies the {@value #STRATEGIES_HEADER} header as {@code family/name} entries,
 *                           empty when absent
 * @param components         whether it declares Declarative Services components ({@code Service-Component})
 * @param file               where the jar is
 */
public record BundleFile(String symbolicName, String version, boolean fragment, List<String> declaredStrategies, boolean components,
        Path file) {

    /**
     * Optional manifest header listing the strategies a bundle registers, comma-separated
     * {@code family/name}. With it, an install waits until exactly these have appeared.
     */
    public static final String STRATEGIES_HEADER = "PeerLab-Strategies";

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*");

    public BundleFile {
        declaredStrategies = List.copyOf(declaredStrategies);
    }

    /** @return {@code symbolic-name version}, as {@link org.peerlab.plugins.InstalledPlugin#bundles()} shows it */
    public String label() {
        return symbolicName + " " + version;
    }

    /**
     * Reads the manifest of {@code jar}.
     *
     * @param shownAs how to name the jar in messages, e.g. {@code plugins/x.jar of repo.zip}
     * @throws PluginException if it is not a jar, has no manifest or no {@code Bundle-SymbolicName},
     *                         or declares malformed strategies
     */
    public static BundleFile read(Path jar, String shownAs) throws PluginException {
        Manifest manifest;
        try (JarFile jf = new JarFile(jar.toFile())) {
            manifest = jf.getManifest();
        } catch (ZipException e) {
            throw new PluginException(shownAs + " is not a jar (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PluginException("cannot read " + shownAs + ": " + e.getMessage(), e);
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new PluginException(shownAs + " has no Bundle-SymbolicName in its manifest: it is not an OSGi bundle");
        }
        String name = bsn.split(";", 2)[0].trim();
        String version = main.getValue("Bundle-Version");
        version = version == null || version.isBlank() ? "0.0.0" : version.trim();
        List<String> strategies = new ArrayList<>();
        String declared = main.getValue(STRATEGIES_HEADER);
        if (declared != null) {
            for (String entry : declared.split(",")) {
                String key = entry.trim();
                if (key.isEmpty()) {
                    continue;
                }
                if (!KEY.matcher(key).matches()) {
                    throw new PluginException(shownAs + ": " + STRATEGIES_HEADER + " entry '" + key
                            + "' is not family/name (lower-case letters, digits and '-')");
                }
                strategies.add(key);
            }
        }
        return new BundleFile(name, version, main.getValue("Fragment-Host") != null, strategies, main.getValue("Service-Component") != null, jar);
    }
}
