package org.peerlab.ui.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.peerlab.bench.BenchReport;
import org.peerlab.bench.BenchResult;
import org.peerlab.bench.BenchSettings;
import org.peerlab.bench.MicroBenchmarks;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.results.ResultWriter;
import org.peerlab.report.ReportWriter;
import org.peerlab.ui.internal.runs.RunCatalog;

/**
 * Micro-benchmarks as a workbench job: times the installed strategies ({@link MicroBenchmarks})
 * with progress in the Progress view and the job's cancel button honoured after each measured
 * case, then writes a run folder the Runs view lists: {@code bench.json}, {@code run-info.json}
 * and {@code report/} (the same HTML report as {@code peerlab bench}). The folder is written
 * under a hidden name and renamed into place, so the view never sees half of it.
 */
public final class BenchJob extends Job {

    private final StrategyRegistry registry;
    private final BenchSettings settings;
    private final RunCatalog runs;
    private final String version;
    private final java.util.function.Consumer<Path> finished;
    private volatile Path folder;

    /**
     * @param finished called with the run folder once written (on the job's thread)
     */
    public BenchJob(StrategyRegistry registry, BenchSettings settings, RunCatalog runs, String version,
            java.util.function.Consumer<Path> finished) {
        super("Micro-benchmarks");
        this.registry = registry;
        this.settings = settings;
        this.runs = runs;
        this.version = version;
        this.finished = finished;
        setUser(true);
    }

    /** @return the run folder once written, else {@code null} */
    public Path folder() {
        return folder;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask("Micro-benchmarks", IProgressMonitor.UNKNOWN);
        long start = System.nanoTime();
        BenchResult result;
        try {
            result = new MicroBenchmarks(registry, settings, line -> {
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                monitor.subTask(line);
                monitor.worked(1);
            }).run(version);
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IllegalArgumentException e) {
            return Status.error("Micro-benchmarks: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
        try {
            Path dir = runs.newFolder("micro-benchmarks", LocalDateTime.now());
            Path tmp = dir.resolveSibling("." + dir.getFileName());
            BenchStore.write(result, false, tmp);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Kind", "micro-benchmarks");
            info.put("PeerLab", version);
            info.put("Date", Instant.now().toString());
            info.put("Settings", "warm-up " + settings.warmupIterations() + ", iterations " + settings.iterations() + " x "
                    + settings.iterationMillis() + " ms" + (settings.families().isEmpty() ? "" : ", families " + settings.families()));
            info.put("Wall time", String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
            info.putAll(result.machine());
            ResultWriter.writeRunInfo(info, tmp);
            ReportWriter.write(BenchReport.of(result), tmp.resolve("report"));
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            folder = dir;
        } catch (IOException e) {
            return Status.error("Cannot write the benchmark report into " + runs.root() + ": " + e.getMessage(), e);
        }
        finished.accept(folder);
        return Status.OK_STATUS;
    }
}
