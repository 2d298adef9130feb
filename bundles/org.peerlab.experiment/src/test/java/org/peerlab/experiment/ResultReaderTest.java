package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.report.ExperimentReport;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.ResultReader;
import org.peerlab.experiment.results.ResultWriter;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.report.Report;

class ResultReaderTest {

    private static final List<String> FILES = List.of("results.json", "points.csv", "runs.csv", "timeseries.csv", "validation.csv");

    @Test
    void readingAndWritingAgainGivesTheSameFiles(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.parse(Scenarios.mm1(7, 3, 2_000));
        ExperimentResult original = new ExperimentRunner(WorkloadCatalog.of(new QueueWorkload()), null, 2).run(s, ExperimentListener.NONE);
        ResultWriter.write(original, dir.resolve("a"));
        ResultWriter.writeRunInfo(Map.of("PeerLab", "0.1.0"), dir.resolve("a"));

        ExperimentResult read = ResultReader.read(dir.resolve("a"));
        ResultWriter.write(read, dir.resolve("b"));

        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertEquals(original.statistics(), read.statistics());
        assertEquals(7, read.scenario().seed());
        assertEquals(3, read.scenario().replications());
        assertEquals(original.points().size(), read.points().size());
        assertEquals(Map.of("PeerLab", "0.1.0"), ResultReader.readRunInfo(dir.resolve("a")));
        Report again = ExperimentReport.of(read, Map.of());
        assertEquals(ExperimentReport.of(original, Map.of()).sections().stream().map(Report.Section::id).toList(),
                again.sections().stream().map(Report.Section::id).toList(), "the report has the same sections and charts");
    }

    @Test
    void missingOrBrokenFilesAreReportedWithTheirName(@TempDir Path dir) throws Exception {
        assertThrows(NoSuchFileException.class, () -> ResultReader.read(dir));
        Files.writeString(dir.resolve("scenario.json"), Scenarios.mm1(1, 1, 10));
        Files.writeString(dir.resolve("results.json"), "{\"scenario\": 3}");
        IOException e = assertThrows(IOException.class, () -> ResultReader.read(dir));
        assertTrue(e.getMessage().contains("scenario"), e.getMessage());
        Files.writeString(dir.resolve("results.json"), "{not json");
        assertThrows(IOException.class, () -> ResultReader.read(dir));
    }
}
