package org.peerlab.ui.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioCheck;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricSummary;
import org.peerlab.experiment.results.RunResult;
import org.peerlab.experiment.results.TimeSeries;
import org.peerlab.experiment.results.RunInfo;

class RunFoldersTest {

    @TempDir
    Path runs;

    /** Two replications of one point, each with an observation and a short series, as the runner would collect them. */
    private static ExperimentResult result() throws Exception {
        Scenario s = ScenarioReader.parse("{\"name\": \"tiny-study\", \"workload\": {\"name\": \"tiny\"}, \"replications\": 2, \"seed\": 3}", "tiny.json");
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            MetricSummary value = new MetricSummary("value", MetricKind.OBSERVATION, 1, r + 1, Double.NaN, r + 1, r + 1, Double.NaN);
            TimeSeries level = new TimeSeries("level", new long[] { 0, 1_000_000_000L }, new double[] { 1, 2 }, 1);
            runs.add(new RunResult(0, r, RunResult.Status.OK, List.of(value), List.of(level), RunOutput.empty(), 1_000_000_000L, 10, null));
        }
        return ExperimentResult.of(s, ScenarioCheck.expand(s), runs, false);
    }

    @Test
    void aRunFolderHoldsWhatTheCommandLineWrites() throws Exception {
        ExperimentResult r = result();
        Map<String, String> info = RunInfo.of("test", r.scenario(), 1, 0.5, Instant.EPOCH);
        LocalDateTime start = LocalDateTime.of(2026, 11, 21, 9, 5, 7);
        Path folder = RunFolders.write(r, info, runs.resolve("runs"), start);
        assertEquals(runs.resolve("runs/20261121-090507-tiny-study"), folder);
        for (String f : List.of("scenario.json", "results.json", "points.csv", "runs.csv", "timeseries.csv", "run-info.json", "report/report.html")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        assertTrue(Files.readString(folder.resolve("run-info.json")).contains("\"Threads\": \"1\""));
        assertTrue(Files.getPosixFilePermissions(folder).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                || !Files.getPosixFilePermissions(runs).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "the run folder is as readable as its parent, not private like a temporary folder");
        Path second = RunFolders.write(r, info, runs.resolve("runs"), start);
        assertEquals(runs.resolve("runs/20261121-090507-tiny-study-2"), second, "the same second twice gets a suffix");
        try (Stream<Path> all = Files.list(runs.resolve("runs"))) {
            assertEquals(2, all.count(), "no partial folder left behind");
        }
    }

    @Test
    void aFailedWriteLeavesNothing() throws Exception {
        ExperimentResult r = result();
        Path blocked = Files.writeString(runs.resolve("file"), "not a folder");
        assertThrows(IOException.class, () -> RunFolders.write(r, Map.of(), blocked, LocalDateTime.now()));
        Path readOnly = Files.createDirectories(runs.resolve("ro"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            if (!Files.isWritable(readOnly)) { // root ignores permissions
                assertThrows(IOException.class, () -> RunFolders.write(r, Map.of(), readOnly, LocalDateTime.now()));
                try (Stream<Path> all = Files.list(readOnly)) {
                    assertFalse(all.findAny().isPresent());
                }
            }
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }
}
