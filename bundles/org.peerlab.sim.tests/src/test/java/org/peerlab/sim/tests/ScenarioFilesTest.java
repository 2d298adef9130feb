package org.peerlab.sim.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.results.ExpectationCheck;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.ResultWriter;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.experiment.workloads.NatTraversalWorkload;
import org.peerlab.experiment.workloads.TransferWorkload;
import org.peerlab.storage.sim.internal.AuditReliabilityWorkload;
import org.peerlab.storage.sim.internal.DurabilityWorkload;
import org.peerlab.storage.sim.internal.StorageNetworkWorkload;

/**
 * The scenario files shipped in {@code simulation/}: they validate, the quickstart is
 * reproducible byte for byte, and the validation scenarios meet the reference figures they state.
 */
class ScenarioFilesTest {

    private static final Path SIMULATION = Path.of(System.getProperty("user.dir")).resolve("../../simulation").normalize();
    private static final List<String> RESULT_FILES = List.of("scenario.json", "results.json", "points.csv", "runs.csv", "timeseries.csv",
            "validation.csv");

    private static ExperimentRunner runner() {
        return new ExperimentRunner(WorkloadCatalog.of(new TransferWorkload(), new NatTraversalWorkload(), new AuditReliabilityWorkload(),
                new DurabilityWorkload(), new StorageNetworkWorkload()), StorageRegistry.ALL, 2);
    }

    private static ExperimentResult run(Scenario s) throws Exception {
        ExperimentResult r = runner().run(s, ExperimentListener.NONE);
        assertTrue(r.failures().isEmpty(), () -> "failed runs: " + r.failures());
        return r;
    }

    @Test
    void everyShippedScenarioValidates() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SIMULATION)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "scenarios in " + SIMULATION + ": " + files);
        for (Path f : files) {
            assertFalse(runner().validate(ScenarioReader.read(f)).isEmpty(), f.toString());
        }
    }

    @Test
    void aBrokenScenarioNamesFileLineAndKey(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, """
                {
                  "name": "broken",
                  "workload": {"name": "transfer", "piece-kib": 100},
                  "seed": 1
                }
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> runner().validate(ScenarioReader.read(f)));
        assertTrue(e.getMessage().contains("broken.json:3:") && e.getMessage().contains("workload.piece-kib"), e.getMessage());
    }

    @Test
    void quickstartWithTheSameSeedGivesIdenticalResultFiles(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioReader.read(SIMULATION.resolve("quickstart.json"));
        ResultWriter.write(run(s), dir.resolve("a"));
        ResultWriter.write(run(s), dir.resolve("b"));
        ResultWriter.write(run(s.withSeed(s.seed() + 1)), dir.resolve("c"));
        for (String name : RESULT_FILES) {
            if (name.equals("validation.csv") && !Files.exists(dir.resolve("a").resolve(name))) {
                continue; // written only when the scenario states expectations
            }
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)), Files.readAllBytes(dir.resolve("b").resolve(name)), name);
        }
        assertFalse(Files.readString(dir.resolve("a/results.json")).equals(Files.readString(dir.resolve("c/results.json"))),
                "another seed must give other results");
    }

    @Test
    void natTraversalMeetsTheoryAndPublishedFigures() throws Exception {
        ExperimentResult r = run(ScenarioReader.read(SIMULATION.resolve("nat-traversal.json")));
        assertEquals(6, r.expectations().size(), "expectations: " + r.expectations());
        for (ExpectationCheck c : r.expectations()) {
            System.out.printf("nat-traversal: %s: measured %.4f +/- %.4f -> %s%n", c.expectation().name(), c.measured(), c.ci95(), c.pass() ? "pass" : "FAIL");
            assertTrue(c.pass(), c.toString());
        }
        // pairs that RFC 4787 says can only meet through a relay never punch
        int symmetricPoint = -1;
        for (int i = 0; i < r.points().size(); i++) {
            if (r.points().get(i).label().contains("ford-2005") && r.points().get(i).label().contains("reference=none")
                    && r.points().get(i).label().contains("stun-punch")) {
                symmetricPoint = i;
            }
        }
        assertTrue(symmetricPoint >= 0);
        assertEquals(0.0, r.statistics(symmetricPoint, "success-rate.symmetric|symmetric").orElseThrow().mean(), 0.0);
    }

    @Test
    void sharedBottleneckMeetsLineRateAndFairShare() throws Exception {
        ExperimentResult r = run(ScenarioReader.read(SIMULATION.resolve("throughput-sharing.json")));
        assertEquals(1 + 2 + 2 + 2, r.expectations().size(), "expectations: " + r.expectations());
        for (ExpectationCheck c : r.expectations()) {
            System.out.printf("throughput-sharing: point %d: %s: measured %.4f +/- %.4f (expected %.4f) -> %s%n", c.pointIndex(), c.expectation().name(),
                    c.measured(), c.ci95(), c.expectation().expected(), c.pass() ? "pass" : "FAIL");
            assertTrue(c.pass(), c.toString());
        }
    }
}
