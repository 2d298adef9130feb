package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.results.ExpectationCheck;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricStatistics;
import org.peerlab.experiment.results.ResultWriter;
import org.peerlab.experiment.results.RunResult;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRun;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.experiment.run.MetricEvent;
import org.peerlab.experiment.run.Progress;

class RunnerTest {

    private static final List<String> FILES = List.of("scenario.json", "results.json", "points.csv", "runs.csv", "timeseries.csv", "validation.csv");

    private static ExperimentRunner runner(int threads, Workload... workloads) {
        return new ExperimentRunner(WorkloadCatalog.of(workloads), null, threads);
    }

    @Test
    void mm1WaitingTimeMatchesTheoryWithinTheConfidenceInterval() throws Exception {
        ExperimentResult r = runner(2, new QueueWorkload()).run(Scenarios.parse(Scenarios.mm1(42, 10, 20_000)), ExperimentListener.NONE);
        assertEquals(20, r.completed());
        assertEquals(2, r.expectations().size());
        for (ExpectationCheck c : r.expectations()) {
            double theory = c.expectation().expected();
            assertTrue(c.pass(), "point " + c.pointIndex() + ": measured " + c.measured() + " ± " + c.ci95() + ", theory " + theory);
            assertTrue(c.ci95() > 0 && c.ci95() < 0.1 * theory, "the interval is informative: " + c.ci95());
        }
        MetricStatistics wait = r.statistics(1, QueueWorkload.WAIT).orElseThrow();
        assertEquals(10, wait.n());
        assertEquals(4.0, wait.mean(), 0.4, "rho = 0.8: Wq = 4 s");
        MetricStatistics length = r.statistics(1, QueueWorkload.LENGTH).orElseThrow();
        assertEquals(4.0, length.mean(), 0.5, "time-weighted L = rho / (1 - rho) = 4");
        assertEquals(21_000, r.statistics(0, QueueWorkload.SERVED).orElseThrow().mean(), 1);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesWhateverTheThreadsAndAnotherSeedDiffers(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.parse(Scenarios.mm1(5, 3, 2_000));
        ResultWriter.write(runner(1, new QueueWorkload()).run(s, ExperimentListener.NONE), dir.resolve("a"));
        ResultWriter.write(runner(3, new QueueWorkload()).run(s, ExperimentListener.NONE), dir.resolve("b"));
        ResultWriter.write(runner(2, new QueueWorkload()).run(s.withSeed(6), ExperimentListener.NONE), dir.resolve("c"));
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertFalse(Files.readString(dir.resolve("a/points.csv")).equals(Files.readString(dir.resolve("c/points.csv"))));
        assertTrue(Files.readString(dir.resolve("a/points.csv")).startsWith(
                "point,workload.arrival-rate,metric,kind,n,mean,sd,ci95,ci_low,ci_high,min,max\n0,0.5,queue-length,series,3,"));
        assertEquals(Scenarios.mm1(5, 3, 2_000), Files.readString(dir.resolve("a/scenario.json")));
    }

    @Test
    void cancelStopsPromptly() throws Exception {
        Scenario s = Scenarios.parse(Scenarios.mm1(1, 8, 1_000_000_000L));
        CountDownLatch liveEvents = new CountDownLatch(1);
        ExperimentRun run = runner(2, new QueueWorkload()).start(s, new ExperimentListener() {
            @Override
            public boolean wantsMetrics() {
                return true;
            }

            @Override
            public void metrics(List<MetricEvent> batch) {
                liveEvents.countDown();
            }
        });
        assertTrue(liveEvents.await(10, TimeUnit.SECONDS), "live metric events arrive while the runs go on");
        long start = System.nanoTime();
        run.cancel();
        ExperimentResult r = run.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "cancel took " + seconds + " s");
        assertTrue(r.cancelled());
        assertEquals(16, r.runs().size());
        assertTrue(r.runs().stream().allMatch(x -> x.status() == RunResult.Status.CANCELLED));
    }

    /** Fails replication 1 of point 0; otherwise the M/M/1 queue. */
    private static final class FlakyWorkload implements Workload {
        private final QueueWorkload queue = new QueueWorkload();

        @Override
        public String name() {
            return "mm1";
        }

        @Override
        public String describe() {
            return "flaky";
        }

        @Override
        public void validate(Params params) throws ScenarioException {
            queue.validate(params);
        }

        @Override
        public RunOutput run(RunContext context) throws Exception {
            if (context.point().index() == 0 && context.replication() == 1) {
                context.metrics().count(QueueWorkload.SERVED, 1);
                throw new IllegalStateException("link table corrupt");
            }
            return queue.run(context);
        }
    }

    @Test
    void aFailingRunIsReportedAndTheOthersKept(@TempDir Path dir) throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Progress> progress = new ArrayList<>();
        ExperimentResult r = runner(2, new FlakyWorkload()).run(Scenarios.parse(Scenarios.mm1(3, 3, 1_000)), new ExperimentListener() {
            @Override
            public void failed(RunResult run, Throwable error) {
                failures.add(run.pointIndex() + "/" + run.replication() + ": " + error.getMessage());
            }

            @Override
            public void progress(Progress p, RunResult run) {
                progress.add(p);
            }
        });
        assertEquals(List.of("0/1: link table corrupt"), failures);
        assertEquals(6, progress.size());
        assertEquals(6, progress.get(5).done());
        assertEquals(1, progress.get(5).failed());
        assertEquals(5, r.completed());
        RunResult failed = r.failures().get(0);
        assertEquals("java.lang.IllegalStateException: link table corrupt", failed.failure());
        assertEquals(2, r.statistics(0, QueueWorkload.WAIT).orElseThrow().n(), "point 0 keeps its two good runs");
        assertEquals(3, r.statistics(1, QueueWorkload.WAIT).orElseThrow().n());
        ResultWriter.write(r, dir);
        assertTrue(Files.readString(dir.resolve("runs.csv")).contains(",failed,"));
        assertNotNull(r.statistics(0, QueueWorkload.SERVED).orElse(null));
    }
}
