package org.peerlab.ui.internal.uitest;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.RunInfo;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.jobs.RunEvents;
import org.peerlab.ui.internal.jobs.RunFolders;
import org.peerlab.ui.internal.runs.RunCatalog;
import org.peerlab.ui.internal.runs.RunEntry;
import org.peerlab.ui.internal.runs.RunReportPart;
import org.peerlab.ui.internal.runs.RunsPart;

/**
 * The Runs view: lists finished runs (making two with a tiny scenario when there are fewer), opens
 * one with its charts, compares two with a series per run, exports one with its HTML report; then
 * {@link RunsExtraChecks}: a broken run, the preferences, micro-benchmarks.
 */
final class RunsSteps implements UiSteps {

    private static final String TINY = """
            {
              "name": "ui-test-tiny",
              "description": "two latencies, a 1 MiB transfer, two replications; each made run has its own bandwidth",
              "workload": {"name": "transfer", "file-size-mib": 1, "flows": 1},
              "network": {"bandwidth-mbps": %d, "latency-ms": 10, "loss": 0},
              "strategies": {"aead": "aes-256-gcm", "key-exchange": "x25519"},
              "sweep": {"network.latency-ms": [5, 40]},
              "replications": 2,
              "seed": %d
            }
            """;

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public void run(UiTest test) throws Exception {
        RunCatalog catalog = new RunCatalog(WorkbenchPrefs.user().runsFolder());
        long have = catalog.list().stream().filter(e -> e.kind() == RunEntry.Kind.EXPERIMENT).count();
        for (long seed = 1; have < 2; seed++, have++) {
            Path folder = runHeadless(test, catalog, seed);
            test.context().get(IEventBroker.class).post(RunEvents.RUN_FINISHED, folder);
        }
        RunsPart runs = test.part("org.peerlab.ui.part.runs", RunsPart.class);
        runs.refresh();
        test.waitUntil("the Runs view lists two experiment runs", Duration.ofSeconds(20),
                () -> runs.entries().stream().filter(e -> e.kind() == RunEntry.Kind.EXPERIMENT).count() >= 2);
        List<RunEntry> two = runs.entries().stream().filter(e -> e.kind() == RunEntry.Kind.EXPERIMENT).limit(2).toList();
        test.log("runs: " + runs.entries().stream().map(e -> e.name() + " " + e.status()).toList());

        runs.select(List.of(two.get(0).folder()));
        RunReportPart one = runs.open(runs.selected());
        test.check(one != null, "Open gave no part");
        test.waitUntil("the run's report is shown", Duration.ofSeconds(30), one::isLoaded);
        test.check(one.failure() == null, "the run could not be read: " + one.failure());
        test.check(!one.charts().isEmpty(), "the opened run shows no charts");
        one.revealFirstChart();
        test.screenshot("run-open");

        runs.select(two.stream().map(RunEntry::folder).toList());
        test.check(runs.selected().size() == 2, "two runs should be selected, got " + runs.selected().size());
        RunReportPart compare = runs.compare(runs.selected());
        test.check(compare != null, "Compare gave no part");
        test.waitUntil("the comparison is shown", Duration.ofSeconds(30), compare::isLoaded);
        test.check(compare.failure() == null, "the runs could not be read: " + compare.failure());
        JFreeChart first = compare.charts().stream().filter(c -> c.getPlot() instanceof XYPlot).findFirst()
                .orElseThrow(() -> new AssertionError("the comparison has no line chart"));
        XYPlot plot = (XYPlot) first.getPlot();
        int series = plot.getDataset().getSeriesCount();
        test.check(series >= 2, "the compared chart '" + first.getTitle().getText() + "' has " + series + " series, want one per run");
        for (RunEntry e : two) {
            boolean named = false;
            for (int i = 0; i < series; i++) {
                String key = plot.getDataset().getSeriesKey(i).toString();
                named |= key.equals(e.name()) || key.startsWith(e.name() + ": ");
            }
            test.check(named, "no series named after run " + e.name() + " in '" + first.getTitle().getText() + "'");
        }
        compare.revealFirstChart();
        test.screenshot("runs-compare");

        Path target = test.out().resolve("exported-report");
        if (Files.exists(target)) {
            target = test.out().resolve("exported-report-" + System.currentTimeMillis());
        }
        Path html = runs.exportRun(two.get(0).folder(), target);
        test.check(Files.isRegularFile(html) && Files.readString(html).contains("<html"), "no HTML report at " + html);
        for (String f : List.of("results.json", "points.csv", "runs.csv", "scenario.json", "report/report.json")) {
            test.check(Files.isRegularFile(target.resolve(f)), "the export lacks " + f);
        }
        try (var charts = Files.list(target.resolve("report/charts"))) {
            test.check(charts.anyMatch(p -> p.toString().endsWith(".png")), "the exported report has no PNG charts");
        }
        try {
            runs.exportRun(two.get(0).folder(), target);
            throw new AssertionError("exporting into a non-empty folder should refuse to overwrite");
        } catch (FileAlreadyExistsException expected) {
            test.log("export refuses to overwrite: " + expected.getMessage());
        }

        RunsExtraChecks extra = new RunsExtraChecks(test, runs);
        extra.brokenRunIsReported();
        extra.preferencesAreValidatedAndRestyleCharts(one);
        extra.benchmarksRunAsAJob();
    }

    /** Runs the tiny scenario through the experiment API into a new run folder, keeping the UI responsive. */
    private static Path runHeadless(UiTest test, RunCatalog catalog, long seed) throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(RunsSteps.class).getBundleContext();
        WorkloadCatalog workloads = bc.getService(bc.getServiceReference(WorkloadCatalog.class));
        StrategyRegistry registry = bc.getService(bc.getServiceReference(StrategyRegistry.class));
        Scenario scenario = ScenarioReader.parse(TINY.formatted(seed == 1 ? 50 : 10, seed), "ui-test-tiny.json");
        CompletableFuture<Path> done = CompletableFuture.supplyAsync(() -> {
            try {
                LocalDateTime started = LocalDateTime.now();
                long t0 = System.nanoTime();
                ExperimentResult result = new ExperimentRunner(workloads, registry, 2).run(scenario, ExperimentListener.NONE);
                Map<String, String> info = RunInfo.of(FrameworkUtil.getBundle(RunsSteps.class).getVersion().toString(), scenario, 2,
                        (System.nanoTime() - t0) / 1e9, Instant.now());
                return RunFolders.write(result, info, catalog.root(), started);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        test.waitUntil("the tiny scenario (seed " + seed + ") runs", Duration.ofSeconds(120), done::isDone);
        Path dir = done.join();
        test.log("made run " + dir);
        return dir;
    }
}
