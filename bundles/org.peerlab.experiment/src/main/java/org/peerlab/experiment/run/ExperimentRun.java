package org.peerlab.experiment.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.RunContext;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.Workload;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.RunResult;
import org.peerlab.sim.RandomStreams;
import org.peerlab.sim.Simulator;

/**
 * One experiment in progress: its runs are queued point by point, replication by replication,
 * on a fixed pool of daemon threads. {@link #cancel()} stops it promptly from any thread:
 * queued runs are skipped and running simulators are cancelled. Thread-safe.
 */
public final class ExperimentRun {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Scenario scenario;
    private final List<SweepPoint> points;
    private final Workload workload;
    private final StrategyRegistry registry;
    private final ExperimentListener listener;
    private final RunResult[] results;
    private final CountDownLatch remaining;
    private final ExecutorService pool;
    private final Set<Simulator> active = new HashSet<>();
    private final Object listenerLock = new Object();
    private volatile boolean cancelled;
    private int done;
    private int failed;
    private ExperimentResult result;

    ExperimentRun(Scenario scenario, List<SweepPoint> points, Workload workload, StrategyRegistry registry, int threads,
            ExperimentListener listener) {
        this.scenario = scenario;
        this.points = List.copyOf(points);
        this.workload = workload;
        this.registry = registry;
        this.listener = listener;
        int total = points.size() * scenario.replications();
        this.results = new RunResult[total];
        this.remaining = new CountDownLatch(total);
        int pool = POOLS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "peerlab-experiment-" + pool + "-" + worker.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)), factory);
        for (int i = 0; i < total; i++) {
            int index = i;
            this.pool.execute(() -> execute(index));
        }
        this.pool.shutdown();
    }

    /** @return runs in the experiment */
    public int total() {
        return results.length;
    }

    /** Stops the experiment as soon as possible; safe from any thread, and final. */
    public void cancel() {
        cancelled = true;
        synchronized (active) {
            active.forEach(Simulator::cancel);
        }
    }

    /** @return whether {@link #cancel()} was called */
    public boolean cancelled() {
        return cancelled;
    }

    /** @return whether every run has ended */
    public boolean isDone() {
        return remaining.getCount() == 0;
    }

    /**
     * Waits for every run to end and returns the result (the same object on every call).
     *
     * @throws InterruptedException if this thread is interrupted while waiting (the runs go on)
     */
    public ExperimentResult await() throws InterruptedException {
        remaining.await();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        synchronized (listenerLock) {
            if (result == null) {
                result = ExperimentResult.of(scenario, points, Arrays.asList(results), cancelled);
                listener.finished(result);
            }
            return result;
        }
    }

    private void execute(int index) {
        int pointIndex = index / scenario.replications();
        int replication = index % scenario.replications();
        RunResult r;
        Throwable error = null;
        if (cancelled) {
            r = RunResult.cancelled(pointIndex, replication);
        } else {
            RunRecorder recorder = new RunRecorder(pointIndex, replication, new HashSet<>(scenario.metrics()),
                    listener.wantsMetrics() ? this::live : null);
            Simulator sim = new Simulator(new RandomStreams(scenario.seed(), replication), recorder);
            recorder.clock(sim::now);
            synchronized (active) {
                active.add(sim);
                if (cancelled) {
                    sim.cancel();
                }
            }
            RunOutput output = RunOutput.empty();
            String failure = null;
            try {
                output = workload.run(new RunContext(scenario, points.get(pointIndex), replication, sim, registry, () -> cancelled));
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                error = e;
                failure = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                synchronized (active) {
                    active.remove(sim);
                }
            }
            recorder.flush();
            RunResult.Status status = failure != null && !cancelled ? RunResult.Status.FAILED
                    : cancelled ? RunResult.Status.CANCELLED : RunResult.Status.OK;
            List<org.peerlab.experiment.results.MetricSummary> metrics = new ArrayList<>();
            List<org.peerlab.experiment.results.TimeSeries> series = new ArrayList<>();
            try {
                metrics = recorder.summaries(sim.now());
                series = recorder.series();
            } catch (RuntimeException e) {
                status = RunResult.Status.FAILED;
                failure = failure == null ? e.toString() : failure;
            }
            r = new RunResult(pointIndex, replication, status, metrics, series, status == RunResult.Status.OK ? output : RunOutput.empty(),
                    sim.now(), sim.eventsFired(), status == RunResult.Status.FAILED ? failure : null);
        }
        results[index] = r;
        try {
            report(r, error);
        } finally {
            remaining.countDown();
        }
    }

    private void live(List<MetricEvent> batch) {
        synchronized (listenerLock) {
            listener.metrics(batch);
        }
    }

    private void report(RunResult r, Throwable error) {
        synchronized (listenerLock) {
            done++;
            if (r.status() == RunResult.Status.FAILED) {
                failed++;
                listener.failed(r, error);
            }
            listener.progress(new Progress(done, results.length, failed, r.pointIndex(), points.get(r.pointIndex()).label(), r.replication()), r);
        }
    }
}
