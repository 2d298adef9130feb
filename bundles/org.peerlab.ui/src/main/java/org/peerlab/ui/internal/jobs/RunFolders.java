package org.peerlab.ui.internal.jobs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.peerlab.experiment.report.ExperimentReport;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.ResultWriter;

/**
 * The folder each finished workbench run is kept in, laid out as the command line writes one:
 *
 * <pre>
 * &lt;runs folder&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;scenario name&gt;[-N]/
 *     scenario.json  results.json  points.csv  runs.csv  timeseries.csv  [validation.csv]
 *     run-info.json
 *     report/report.html  report/report.json  report/*.csv  report/charts/*.png|svg
 * </pre>
 *
 * The time is the run's start, local time; {@code -2}, {@code -3}, ... are appended when two runs
 * of one scenario start in the same second. Everything is written into a hidden
 * {@code .partial-*} folder beside it and renamed into place at the end, so a folder with the
 * final name is always complete (readers should skip names starting with '.').
 */
public final class RunFolders {

    /** Time stamp at the start of a run folder's name. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {
    }

    /** @return the folder name for a run of {@code scenarioName} started at {@code started} (without a repeat suffix) */
    public static String name(LocalDateTime started, String scenarioName) {
        return STAMP.format(started) + "-" + scenarioName;
    }

    /**
     * Writes the result files, {@code run-info.json} and the report, then gives the folder its name.
     *
     * @return the complete run folder
     * @throws IOException when anything cannot be written; the partial folder is then removed
     */
    public static Path write(ExperimentResult result, Map<String, String> runInfo, Path runsFolder, LocalDateTime started) throws IOException {
        Files.createDirectories(runsFolder);
        Path partial = partialFolder(runsFolder, result.scenario().name());
        try {
            ResultWriter.write(result, partial);
            ResultWriter.writeRunInfo(runInfo, partial);
            ExperimentReport.write(result, runInfo, partial.resolve("report"));
            String base = name(started, result.scenario().name());
            for (int n = 1;; n++) {
                Path target = runsFolder.resolve(n == 1 ? base : base + "-" + n);
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    // another writer took the name since the check: try the next one
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(partial, e);
            throw e;
        }
    }

    /** A new hidden folder to write into; made with createDirectory so that the umask applies (a temp directory would be private). */
    private static Path partialFolder(Path runsFolder, String scenarioName) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path p = runsFolder.resolve(".partial-" + scenarioName + "-" + Long.toHexString(System.nanoTime()) + "-" + attempt);
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // taken by another writer in the same nanosecond: try the next name
            }
        }
    }

    private static void deleteTree(Path dir, Exception cause) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
