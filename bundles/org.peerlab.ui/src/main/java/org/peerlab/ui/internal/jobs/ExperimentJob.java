package org.peerlab.ui.internal.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.RunInfo;
import org.peerlab.experiment.results.RunResult;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRun;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.experiment.run.MetricEvent;
import org.peerlab.experiment.run.Progress;
import org.peerlab.ui.internal.charts.LiveMetrics;
import org.peerlab.ui.internal.errors.Errors;

/**
 * One experiment run of the workbench as an Eclipse job: checks the scenario, runs it on an
 * {@link ExperimentRunner} with the preferred number of threads, collects live metrics for the
 * charts, and writes the run folder ({@link RunFolders}) when every run has ended, then posts
 * {@link RunEvents#RUN_FINISHED}. {@link #cancel()} stops the runner at once (queued runs are
 * skipped, running simulators cancelled); a cancelled experiment writes no folder. Jobs of one
 * {@link RunQueue} share a scheduling rule, so they run one after another.
 * State and progress are readable from any thread; changes are reported to the queue's listeners.
 */
public final class ExperimentJob extends Job {

    /** Where a job is in its life. */
    public enum State {
        /** waiting for the runs before it */
        QUEUED,
        /** checking the scenario or running simulations */
        RUNNING,
        /** writing results and the report */
        WRITING,
        /** finished; the run folder is written */
        DONE,
        /** cancelled before or while running; nothing written */
        CANCELLED,
        /** could not run or could not write its results; see {@link ExperimentJob#failure()} */
        FAILED;

        /** @return the state in lower case, for display */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String PLUGIN = "org.peerlab.ui";
    private static final int POLL_MILLIS = 50;

    private final long id;
    private final Scenario scenario;
    private final Path scenarioFile;
    private final RunQueue queue;
    private final List<Runnable> liveListeners = new CopyOnWriteArrayList<>();
    private volatile State state = State.QUEUED;
    private volatile Progress progress;
    private volatile long total;
    private volatile LiveMetrics live;
    private volatile ExperimentRun run;
    private volatile Path folder;
    private volatile String failure;
    private volatile long failedRuns;
    private volatile int completed;
    private volatile long startedNanos;
    private volatile long endedNanos;

    ExperimentJob(long id, Scenario scenario, Path scenarioFile, RunQueue queue) {
        super("Experiment " + scenario.name());
        this.id = id;
        this.scenario = scenario;
        this.scenarioFile = scenarioFile;
        this.queue = queue;
        this.total = scenario.runCount();
        setRule(queue.rule());
        setPriority(LONG);
        addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (state == State.QUEUED) { // cancelled while waiting: run() never started
                    state = State.CANCELLED;
                    queue.changed(ExperimentJob.this);
                }
            }
        });
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        startedNanos = System.nanoTime();
        LocalDateTime startedAt = LocalDateTime.now();
        setState(State.RUNNING);
        ExperimentRun r = null;
        try {
            int threads = queue.prefs().parallelism();
            ExperimentRunner runner = queue.services().runner(threads);
            List<SweepPoint> points = runner.validate(scenario);
            live = new LiveMetrics(points);
            total = (long) points.size() * scenario.replications();
            monitor.beginTask(getName(), (int) Math.min(Integer.MAX_VALUE, total));
            r = runner.start(scenario, new Listener());
            run = r;
            if (monitor.isCanceled()) {
                r.cancel();
            }
            int reported = 0;
            while (!r.isDone()) {
                if (monitor.isCanceled()) {
                    r.cancel();
                }
                Thread.sleep(POLL_MILLIS);
                int done = done();
                if (done > reported) {
                    monitor.worked(done - reported);
                    reported = done;
                }
            }
            ExperimentResult result = r.await();
            if (r.cancelled()) {
                setState(State.CANCELLED);
                return Status.CANCEL_STATUS;
            }
            setState(State.WRITING);
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            Map<String, String> info = RunInfo.of(version(), scenario, threads, seconds, Instant.now());
            Path dir = RunFolders.write(result, info, queue.prefs().runsFolder(), startedAt);
            folder = dir;
            failedRuns = result.failures().size();
            endedNanos = System.nanoTime();
            setState(State.DONE);
            queue.finished(dir);
            if (failedRuns > 0) {
                RunResult first = result.failures().get(0);
                IStatus warning = new Status(IStatus.WARNING, PLUGIN, failedRuns + " of " + result.runs().size() + " runs of " + scenario.name()
                        + " failed (first: point " + first.pointIndex() + ", replication " + first.replication() + ": " + first.failure()
                        + "); results in " + dir);
                return warning;
            }
            return Status.OK_STATUS;
        } catch (ScenarioException e) {
            return fail("the scenario is not valid:\n" + e.getMessage(), e);
        } catch (IOException e) {
            return fail("cannot write the results to " + queue.prefs().runsFolder() + ": " + Errors.message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (r != null) {
                r.cancel();
            }
            setState(State.CANCELLED);
            return Status.CANCEL_STATUS;
        } catch (RuntimeException e) {
            return fail(Errors.message(e), e);
        } finally {
            if (endedNanos == 0) {
                endedNanos = System.nanoTime();
            }
            monitor.done();
            queue.changed(this);
        }
    }

    @Override
    protected void canceling() {
        ExperimentRun r = run;
        if (r != null) {
            r.cancel();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == RunQueue.class;
    }

    private IStatus fail(String why, Throwable cause) {
        failure = why;
        endedNanos = System.nanoTime();
        setState(State.FAILED);
        // Logged here, with the cause, so the Error Log shows it whoever watches the job.
        Errors.log("Experiment " + scenario.name() + " failed", cause == null ? new IllegalStateException(why) : cause);
        return new Status(IStatus.ERROR, PLUGIN, "Experiment " + scenario.name() + " failed: " + why, cause);
    }

    private void setState(State s) {
        state = s;
        queue.changed(this);
    }

    private static String version() {
        Bundle b = FrameworkUtil.getBundle(ExperimentJob.class);
        return b == null ? "unknown (not running under OSGi)" : b.getVersion().toString();
    }

    /** Feeds progress and live metrics from the runner's threads (its calls never overlap). */
    private final class Listener implements ExperimentListener {
        @Override
        public void progress(Progress p, RunResult result) {
            progress = p;
            if (result.status() == RunResult.Status.OK) {
                completed++; // the runner's calls never overlap
            }
            queue.changed(ExperimentJob.this);
        }

        @Override
        public boolean wantsMetrics() {
            return true;
        }

        @Override
        public void metrics(List<MetricEvent> batch) {
            LiveMetrics m = live;
            if (m != null) {
                m.add(batch);
                liveListeners.forEach(Runnable::run);
            }
        }

        @Override
        public void failed(RunResult result, Throwable error) {
            Errors.log("Experiment " + scenario.name() + ": point " + result.pointIndex() + ", replication " + result.replication() + " failed",
                    error);
        }
    }

    /** @return a number unique in this workbench session */
    public long id() {
        return id;
    }

    /** @return the scenario as submitted */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the file the scenario came from */
    public Path scenarioFile() {
        return scenarioFile;
    }

    /** @return where the job is */
    public State state() {
        return state;
    }

    /** @return whether it is checking, running or writing */
    public boolean isActive() {
        return state == State.RUNNING || state == State.WRITING;
    }

    /** @return whether it has ended (done, cancelled or failed) */
    public boolean isFinished() {
        return state == State.DONE || state == State.CANCELLED || state == State.FAILED;
    }

    /** @return runs ended so far (completed, failed or cancelled) */
    public int done() {
        Progress p = progress;
        return p == null ? 0 : p.done();
    }

    /** @return runs that completed (not failed, not cancelled) so far */
    public int completed() {
        return completed;
    }

    /** @return runs in the experiment (points x replications) */
    public long total() {
        return total;
    }

    /** @return the share of runs ended, 0 to 1 (of runs completed, for a cancelled job) */
    public double fraction() {
        long t = total;
        int ended = state == State.CANCELLED ? completed : done();
        return t == 0 ? 0 : Math.min(1, (double) ended / t);
    }

    /** @return runs that failed (known once the job is done) */
    public long failedRuns() {
        return failedRuns;
    }

    /** @return the live metrics, or {@code null} before the scenario has been checked */
    public LiveMetrics live() {
        return live;
    }

    /** @return the experiment run once started, else {@code null} */
    public ExperimentRun experimentRun() {
        return run;
    }

    /** @return the complete run folder once {@link State#DONE}, else {@code null} */
    public Path folder() {
        return folder;
    }

    /** @return why it failed, or {@code null} */
    public String failure() {
        return failure;
    }

    /** @return wall-clock seconds it has run (until it ended); 0 while queued */
    public double elapsedSeconds() {
        long start = startedNanos;
        if (start == 0) {
            return 0;
        }
        long end = endedNanos;
        return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
    }

    /**
     * Adds a listener told after each batch of live metrics (on a runner thread: marshal to the UI
     * thread); the handle removes it.
     */
    public AutoCloseable onLiveMetrics(Runnable listener) {
        liveListeners.add(listener);
        return () -> liveListeners.remove(listener);
    }

    /** @return one line for progress displays, e.g. {@code #3 quickstart: running, 5 of 12 runs (42%)} */
    public String describe() {
        StringBuilder sb = new StringBuilder("#").append(id).append(' ').append(scenario.name()).append(": ").append(state.label());
        switch (state) {
            case RUNNING, WRITING -> sb.append(String.format(Locale.ROOT, ", %d of %d runs (%.0f%%)", done(), total(), fraction() * 100));
            case DONE -> sb.append(String.format(Locale.ROOT, ", %d runs in %.1f s%s", total(), elapsedSeconds(),
                    failedRuns > 0 ? ", " + failedRuns + " failed" : ""));
            case CANCELLED -> sb.append(String.format(Locale.ROOT, ", %d of %d runs had completed", completed, total()));
            case FAILED -> sb.append(": ").append(failure);
            case QUEUED -> sb.append(String.format(Locale.ROOT, ", %d runs", total()));
        }
        return sb.toString();
    }
}
