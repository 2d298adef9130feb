package org.peerlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.Expectation;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.RunContext;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.Workload;
import org.peerlab.experiment.WorkloadCatalog;

class ExperimentCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /** Counts {@code workload.events} events, one simulated millisecond apart; fails when told to. */
    static final class TickWorkload implements Workload {
        @Override
        public String name() {
            return "ticks";
        }

        @Override
        public String describe() {
            return "ticks: workload.events, workload.fail, workload.expect";
        }

        @Override
        public void validate(Params params) throws ScenarioException {
            Params w = params.get("workload");
            w.allowOnly("events", "fail", "expect");
            w.integer("events", 10, 1, 1_000_000);
            w.integer("expect", -1, -1, 1_000_000);
        }

        @Override
        public RunOutput run(RunContext context) throws Exception {
            long events = context.workload().integer("events", 10, 1, 1_000_000);
            if (context.workload().bool("fail", false) && context.replication() == 0) {
                throw new IllegalStateException("told to fail");
            }
            for (long i = 1; i <= events; i++) {
                context.simulator().schedule(i * 1_000_000, () -> context.metrics().count("ticks", 1));
            }
            context.simulator().run();
            long expect = context.workload().integer("expect", -1, -1, 1_000_000);
            return expect < 0 ? RunOutput.empty() : RunOutput.empty().expecting(new Expectation("ticks = " + expect, "ticks", expect, 0));
        }
    }

    private int run(Path cwd, String... args) {
        ExperimentCommand command = new ExperimentCommand();
        command.workloads = WorkloadCatalog.of(new TickWorkload());
        command.registry = CommandDispatcherTest.registry();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new CommandDispatcher(List.of(command), "0.1.0").dispatch(List.of(args), out, err);
    }

    private static Path scenario(Path dir, String body) throws Exception {
        Path f = dir.resolve("ticks.json");
        Files.writeString(f, "{\"name\": \"ticks\", \"seed\": 3, \"replications\": 2,\n" + body + "}\n");
        return f;
    }

    @Test
    void validatePrintsTheRunCountOrTheProblems(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, " \"workload\": {\"name\": \"ticks\"}, \"sweep\": {\"workload.events\": [5, 10, 20]}");
        assertEquals(0, run(dir, "experiment", "validate", f.toString()));
        assertEquals("OK: " + f + ": workload ticks, 3 sweep points x 2 replications = 6 runs\n", outBytes.toString(StandardCharsets.UTF_8));
        Path bad = scenario(dir, " \"workload\": {\"name\": \"ticks\", \"events\": 0}, \"strategies\": {\"aead\": \"aes\"}");
        assertEquals(2, run(dir, "experiment", "validate", bad.toString()));
        assertEquals(bad + ":2:42: workload.events: 0 is out of range [1, 1000000]\n"
                + bad + ":2:69: strategies.aead: unknown value 'aes' (known: aes-256-gcm)\n", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runWritesResultsAndReportAndFailsWhenARunFails(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, " \"workload\": {\"name\": \"ticks\"}, \"sweep\": {\"workload.events\": [5, 10]}");
        Path out = dir.resolve("out");
        assertEquals(0, run(dir, "experiment", "run", f.toString(), "--out", out.toString(), "--replications", "3", "--threads", "2"));
        String stdout = outBytes.toString(StandardCharsets.UTF_8);
        assertTrue(stdout.contains("6 of 6 runs completed"), stdout);
        assertTrue(stdout.contains("report: " + out.resolve("report/report.html").toAbsolutePath()), stdout);
        for (String file : List.of("results.json", "points.csv", "runs.csv", "timeseries.csv", "scenario.json", "run-info.json", "report/report.html")) {
            assertTrue(Files.exists(out.resolve(file)), file);
        }
        assertTrue(Files.readString(out.resolve("points.csv")).contains("1,10,ticks,counter,3,10.0,0.0,0.0,"));
        Path failing = scenario(dir, " \"workload\": {\"name\": \"ticks\", \"fail\": true}");
        assertEquals(1, run(dir, "experiment", "run", failing.toString(), "--out", dir.resolve("out2").toString()));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("run failed: point 0, replication 0: java.lang.IllegalStateException: told to fail"));
    }

    @Test
    void aFailedReferenceCheckFailsTheCommandOnlyWhenStrict(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, " \"workload\": {\"name\": \"ticks\", \"events\": 5, \"expect\": 6}");
        assertEquals(0, run(dir, "experiment", "run", f.toString(), "--out", dir.resolve("a").toString()));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("FAIL: point 0: ticks = 6: expected 6"), outBytes.toString(StandardCharsets.UTF_8));
        assertEquals(3, run(dir, "experiment", "run", f.toString(), "--out", dir.resolve("b").toString(), "--strict"));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("1 of 1 reference checks failed (--strict)"), errBytes.toString(StandardCharsets.UTF_8));
        Path ok = scenario(dir, " \"workload\": {\"name\": \"ticks\", \"events\": 5, \"expect\": 5}");
        assertEquals(0, run(dir, "experiment", "run", ok.toString(), "--out", dir.resolve("c").toString(), "--strict"));
        assertTrue(Files.readString(dir.resolve("c/validation.csv")).contains("true"));
    }

    @Test
    void usageErrorsAndList(@TempDir Path dir) {
        assertEquals(2, run(dir, "experiment", "frobnicate"));
        assertEquals(2, run(dir, "experiment", "run", dir.resolve("missing.json").toString()));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("no such scenario file"));
        assertEquals(0, run(dir, "experiment", "list"));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).startsWith("ticks  ticks: workload.events, workload.fail, workload.expect\n"));
    }
}
