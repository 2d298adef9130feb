package org.peerlab.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.peerlab.core.config.UserFolders;

/**
 * The workbench's preferences, kept in {@code workbench.properties} in the user's configuration
 * folder ({@link UserFolders#config()}): where user scenarios and finished runs live, how many
 * worker threads a run uses, the seed new scenarios start with and the chart style. Reads are
 * fresh from disk each time, writes are atomic; a missing or unreadable file gives the defaults.
 */
public final class WorkbenchPrefs {

    /** Chart styles a user can pick. */
    public enum ChartStyle {
        /** white background, grid lines (the report's style) */
        LIGHT,
        /** dark background for dark desktops */
        DARK
    }

    private static final String FILE = "workbench.properties";

    private final Path file;

    /** Preferences in {@code configFolder/workbench.properties}. */
    public WorkbenchPrefs(Path configFolder) {
        this.file = configFolder.resolve(FILE);
    }

    /** Preferences in the user's configuration folder. */
    public static WorkbenchPrefs user() {
        return new WorkbenchPrefs(UserFolders.config());
    }

    /** @return the folder of the user's own scenarios (default {@code <data>/scenarios}) */
    public Path scenarioFolder() {
        return Path.of(load().getProperty("scenario-folder", UserFolders.data().resolve("scenarios").toString()));
    }

    /** @return the folder each finished run is kept in (default {@code <data>/runs}) */
    public Path runsFolder() {
        return Path.of(load().getProperty("runs-folder", UserFolders.data().resolve("runs").toString()));
    }

    /** @return worker threads per run (default: available processors) */
    public int parallelism() {
        return intValue("parallelism", Runtime.getRuntime().availableProcessors(), 1, 1024);
    }

    /** @return the seed a new scenario starts with (default 1) */
    public long defaultSeed() {
        try {
            return Long.parseLong(load().getProperty("default-seed", "1").strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** @return the chart style (default light) */
    public ChartStyle chartStyle() {
        try {
            return ChartStyle.valueOf(load().getProperty("chart-style", "LIGHT").strip());
        } catch (IllegalArgumentException e) {
            return ChartStyle.LIGHT;
        }
    }

    /**
     * Stores all preferences at once.
     *
     * @throws IOException when the file cannot be written (the old one is then unchanged)
     */
    public void store(Path scenarioFolder, Path runsFolder, int parallelism, long defaultSeed, ChartStyle style)
            throws IOException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        Properties p = new Properties();
        p.setProperty("scenario-folder", scenarioFolder.toString());
        p.setProperty("runs-folder", runsFolder.toString());
        p.setProperty("parallelism", Integer.toString(parallelism));
        p.setProperty("default-seed", Long.toString(defaultSeed));
        p.setProperty("chart-style", style.name());
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "PeerLab workbench preferences");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private int intValue(String key, int fallback, int min, int max) {
        try {
            int v = Integer.parseInt(load().getProperty(key, Integer.toString(fallback)).strip());
            return v < min || v > max ? fallback : v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable preferences: the defaults apply; the Preferences dialog shows them
            }
        }
        return p;
    }
}
