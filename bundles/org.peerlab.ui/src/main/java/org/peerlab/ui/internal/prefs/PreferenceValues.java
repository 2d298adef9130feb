package org.peerlab.ui.internal.prefs;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.WorkbenchPrefs.ChartStyle;

/**
 * What the Preferences dialog answers: every preference, checked. Build one with {@link #parse},
 * which reports every problem of the text fields at once.
 *
 * @param scenarioFolder the user's scenarios
 * @param runsFolder     where finished runs are kept
 * @param parallelism    worker threads per run, 1 to {@value #MAX_PARALLELISM}
 * @param defaultSeed    seed of new scenarios
 * @param chartStyle     the charts' look
 */
public record PreferenceValues(Path scenarioFolder, Path runsFolder, int parallelism, long defaultSeed, ChartStyle chartStyle) {

    /** The most worker threads a run may ask for. */
    public static final int MAX_PARALLELISM = 1024;

    /** Thrown by {@link PreferenceValues#parse} with every problem found. */
    public static final class InvalidPreferencesException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidPreferencesException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** @return one sentence per problem, in field order */
        public List<String> problems() {
            return problems;
        }
    }

    /** @return the values stored now */
    public static PreferenceValues of(WorkbenchPrefs prefs) {
        return new PreferenceValues(prefs.scenarioFolder(), prefs.runsFolder(), prefs.parallelism(), prefs.defaultSeed(), prefs.chartStyle());
    }

    /**
     * Checks the dialog's text fields: folders must be absolute paths (they need not exist; an
     * existing regular file is refused), parallelism a whole number from 1 to
     * {@value #MAX_PARALLELISM}, the seed any whole number (64 bits).
     *
     * @throws InvalidPreferencesException with every problem, when any field is invalid
     */
    public static PreferenceValues parse(String scenarioFolder, String runsFolder, String parallelism, String defaultSeed, ChartStyle style)
            throws InvalidPreferencesException {
        List<String> problems = new ArrayList<>();
        Path scenarios = folder("Scenario folder", scenarioFolder, problems);
        Path runs = folder("Runs folder", runsFolder, problems);
        int threads = 0;
        try {
            threads = Integer.parseInt(parallelism.strip());
            if (threads < 1 || threads > MAX_PARALLELISM) {
                problems.add("Parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + threads);
            }
        } catch (NumberFormatException e) {
            problems.add("Parallelism must be a whole number, got '" + parallelism.strip() + "'");
        }
        long seed = 0;
        try {
            seed = Long.parseLong(defaultSeed.strip());
        } catch (NumberFormatException e) {
            problems.add("Default seed must be a whole number (64 bits), got '" + defaultSeed.strip() + "'");
        }
        if (style == null) {
            problems.add("Pick a chart style");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPreferencesException(problems);
        }
        return new PreferenceValues(scenarios, runs, threads, seed, style);
    }

    /** Stores these values. */
    public void store(WorkbenchPrefs prefs) throws IOException {
        prefs.store(scenarioFolder, runsFolder, parallelism, defaultSeed, chartStyle);
    }

    private static Path folder(String what, String text, List<String> problems) {
        String t = text.strip();
        if (t.isEmpty()) {
            problems.add(what + " is empty");
            return null;
        }
        try {
            Path p = Path.of(t);
            if (!p.isAbsolute()) {
                problems.add(what + " must be an absolute path, got '" + t + "'");
            } else if (java.nio.file.Files.isRegularFile(p)) {
                problems.add(what + " '" + t + "' is a file, not a folder");
            }
            return p;
        } catch (InvalidPathException e) {
            problems.add(what + " is not a valid path: " + e.getReason());
            return null;
        }
    }
}
