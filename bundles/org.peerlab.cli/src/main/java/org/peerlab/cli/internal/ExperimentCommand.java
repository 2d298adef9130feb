package org.peerlab.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.MissingStrategyHints;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.MetricInfo;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.Workload;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.report.ExperimentReport;
import org.peerlab.experiment.results.ExpectationCheck;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.MetricStatistics;
import org.peerlab.experiment.results.ResultWriter;
import org.peerlab.experiment.results.RunInfo;
import org.peerlab.experiment.run.ExperimentRun;
import org.peerlab.experiment.run.ExperimentRunner;

/** {@code peerlab experiment run|validate|list}: scenario files run as simulations, with results and a report. */
@Component(service = Command.class)
public class ExperimentCommand implements Command {

    /** Exit code of {@code run --strict} when every run completed but a reference check failed. */
    static final int CHECKS_FAILED = 3;

    @Reference
    WorkloadCatalog workloads;

    @Reference
    StrategyRegistry registry;

    /** Which plugin provides a strategy that is not installed (the plugin manager), if present. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MissingStrategyHints hints;

    /** Whether stderr is a terminal; the start script says so. */
    boolean tty = Boolean.getBoolean("peerlab.tty");

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String summary() {
        return "run a scenario file (sweeps x replications) and write results and a report; validate one; list workloads";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab experiment run SCENARIO [--out DIR] [--seed N] [--replications R] [--threads T] [--strict]
                       peerlab experiment validate SCENARIO [--seed N] [--replications R]
                       peerlab experiment list

                run       checks the scenario, runs every sweep point times replications in parallel on
                          simulated time, and writes to DIR: scenario.json, results.json, points.csv
                          (mean, sd and 95% CI per point and metric), runs.csv, timeseries.csv,
                          validation.csv (when the workload gives expected values), run-info.json
                          (date, machine, versions, wall time) and report/report.html (charts as PNG
                          and SVG). The result files are identical for the same scenario, seed and
                          PeerLab version.
                validate  checks the scenario (structure, workload parameters of every sweep point,
                          strategy names) and prints the number of runs, or every problem as
                          FILE:LINE:COLUMN: KEY: MESSAGE
                list      lists the installed workloads and the metrics they record

                  --out DIR         results folder (default: results/<scenario name>)
                  --seed N          experiment seed, instead of the scenario's
                  --replications R  runs per sweep point, instead of the scenario's
                  --threads T       runs at a time (default: the number of processors)
                  --strict          exit with 3 when a reference check (expect) fails

                Exit codes: 0 success, 1 some runs failed, 2 usage or scenario errors,
                3 (with --strict) every run completed but a reference check failed.
                The scenario format, the workloads' parameters and the shipped scenarios: simulation/README.md.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of("strict"), Set.of("out", "seed", "replications", "threads"), 2);
        List<String> words = o.positional();
        if (words.isEmpty()) {
            throw new UsageException("say what to do: run, validate or list (see: peerlab experiment --help)");
        }
        String action = words.get(0);
        if (action.equals("list")) {
            if (words.size() > 1) {
                throw new UsageException("list takes no scenario");
            }
            return list(out);
        }
        if (!action.equals("run") && !action.equals("validate")) {
            throw new UsageException("unknown action '" + action + "' (known: list, run, validate)");
        }
        if (words.size() < 2) {
            throw new UsageException(action + " needs a scenario file");
        }
        int threads = (int) number(o, "threads", ExperimentRunner.defaultThreads(), 1, 4096);
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(Path.of(words.get(1)));
            if (o.value("seed").isPresent()) {
                scenario = scenario.withSeed(number(o, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            if (o.value("replications").isPresent()) {
                scenario = scenario.withReplications((int) number(o, "replications", 1, 1, 1_000_000));
            }
        } catch (NoSuchFileException e) {
            err.println("peerlab experiment: no such scenario file: " + words.get(1));
            return CommandDispatcher.USAGE;
        } catch (IOException e) {
            err.println("peerlab experiment: cannot read " + words.get(1) + ": " + e.getMessage());
            return CommandDispatcher.USAGE;
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return CommandDispatcher.USAGE;
        }
        ExperimentRunner runner = new ExperimentRunner(workloads, registry, hints, threads);
        if (action.equals("validate")) {
            try {
                List<SweepPoint> points = runner.validate(scenario);
                out.printf(Locale.ROOT, "OK: %s: workload %s, %d sweep point%s x %d replication%s = %d runs%n", scenario.source(), scenario.workload(),
                        points.size(), points.size() == 1 ? "" : "s", scenario.replications(), scenario.replications() == 1 ? "" : "s",
                        scenario.runCount());
                return 0;
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                return CommandDispatcher.USAGE;
            }
        }
        Path dir = Path.of(o.value("out").orElse(Path.of("results", scenario.name()).toString()));
        return execute(runner, scenario, dir, threads, o.flag("strict"), out, err);
    }

    private int execute(ExperimentRunner runner, Scenario scenario, Path dir, int threads, boolean strict, PrintStream out, PrintStream err) {
        ExperimentProgress progress = new ExperimentProgress(err, tty);
        long started = System.nanoTime();
        ExperimentResult result;
        try {
            ExperimentRun run = runner.start(scenario, progress);
            err.printf(Locale.ROOT, "experiment %s: %d runs (%d points x %d replications) on %d thread%s%n", scenario.name(), run.total(),
                    scenario.pointCount(), scenario.replications(), threads, threads == 1 ? "" : "s");
            Thread hook = new Thread(run::cancel, "peerlab-experiment-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = run.await();
            } finally {
                removeHook(hook);
            }
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return CommandDispatcher.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("peerlab experiment: interrupted");
            return CommandDispatcher.FAILURE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Path html;
        try {
            ResultWriter.write(result, dir);
            Map<String, String> info = RunInfo.of(version(), scenario, threads, seconds, Instant.now());
            ResultWriter.writeRunInfo(info, dir);
            html = ExperimentReport.write(result, info, dir.resolve("report"));
        } catch (IOException e) {
            err.println("peerlab experiment: cannot write the results to " + dir.toAbsolutePath() + ": " + e.getMessage());
            return CommandDispatcher.FAILURE;
        }
        printSummary(result, out);
        out.printf(Locale.ROOT, "%d of %d runs completed, %d failed, in %.1f s%n", result.completed(), result.runs().size(), result.failures().size(),
                seconds);
        out.println("results: " + dir.toAbsolutePath());
        out.println("report: " + html.toAbsolutePath());
        if (!result.failures().isEmpty() || result.cancelled()) {
            return CommandDispatcher.FAILURE;
        }
        long failedChecks = result.expectations().stream().filter(c -> !c.pass()).count();
        if (strict && failedChecks > 0) {
            err.println("peerlab experiment: " + failedChecks + " of " + result.expectations().size() + " reference checks failed (--strict)");
            return CHECKS_FAILED;
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook has cancelled the run
        }
    }

    static void printSummary(ExperimentResult result, PrintStream out) {
        for (SweepPoint p : result.points()) {
            out.println(p.label());
            for (MetricStatistics s : result.statistics()) {
                if (s.pointIndex() == p.index()) {
                    out.printf(Locale.ROOT, "  %-28s %14s ± %-12s (n=%d)%n", s.metric(), figure(s.mean()), figure(s.ci95()), s.n());
                }
            }
        }
        for (ExpectationCheck c : result.expectations()) {
            out.printf(Locale.ROOT, "%s: point %d: %s: expected %s, measured %s ± %s%n", c.pass() ? "pass" : "FAIL", c.pointIndex(),
                    c.expectation().name(), figure(c.expectation().expected()), figure(c.measured()), figure(c.ci95()));
        }
        result.notes().forEach(n -> out.println("note: " + n));
    }

    private String version() {
        Bundle b = FrameworkUtil.getBundle(getClass());
        return b == null ? "unknown (not running under OSGi)" : b.getVersion().toString();
    }

    private int list(PrintStream out) {
        List<Workload> all = workloads.all();
        if (all.isEmpty()) {
            out.println("no workloads are installed");
            return 0;
        }
        for (Workload w : all) {
            out.println(w.name() + "  " + w.describe());
            for (MetricInfo m : w.metrics()) {
                out.println("    " + m.name() + " (" + m.kind().label() + ")  " + m.description());
            }
        }
        return 0;
    }

    static String figure(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 1e6 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static long number(Options o, String name, long fallback, long min, long max) throws UsageException {
        String v = o.value(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
        }
    }
}
