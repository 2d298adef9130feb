package org.peerlab.ui.internal.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.peerlab.experiment.Scenario;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.errors.Errors;

/**
 * The workbench's experiment runs: each submitted scenario becomes an {@link ExperimentJob};
 * all of them share one scheduling rule, so they run one after another in the order submitted
 * while the rest wait. Keeps finished jobs for the Progress view until {@link #clearFinished()}.
 * Lives in the application context (see {@link ExperimentsAddon}). Thread-safe; listeners hear
 * every state or progress change, on the thread it happened.
 */
public final class RunQueue {

    /** Hears changes of jobs: added, started, progressed, finished. */
    public interface Listener {
        /** Called on any thread; must return quickly (marshal to the UI thread with a {@link UiThrottle}). */
        void jobChanged(ExperimentJob job);
    }

    /** Makes the jobs run one at a time: conflicts only with itself. */
    private static final class OneAtATime implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    }

    private final ISchedulingRule rule = new OneAtATime();
    private final List<ExperimentJob> jobs = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExperimentServices services;
    private final Supplier<WorkbenchPrefs> prefs;
    private final IEventBroker events;

    /**
     * @param services where jobs find the workload catalog and the strategy registry
     * @param prefs    read when a job starts (threads, runs folder)
     * @param events   where {@link RunEvents#RUN_FINISHED} is posted
     */
    public RunQueue(ExperimentServices services, Supplier<WorkbenchPrefs> prefs, IEventBroker events) {
        this.services = Objects.requireNonNull(services, "services");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Queues a run of {@code scenario}; it starts when the runs before it have ended.
     *
     * @param scenarioFile the file the scenario came from (shown and recorded in the run information)
     */
    public ExperimentJob submit(Scenario scenario, Path scenarioFile) {
        ExperimentJob job = new ExperimentJob(ids.incrementAndGet(), scenario, scenarioFile, this);
        jobs.add(job);
        changed(job);
        job.schedule();
        return job;
    }

    /** @return every job not cleared, oldest first */
    public List<ExperimentJob> jobs() {
        return List.copyOf(jobs);
    }

    /** @return the job running now, if any */
    public java.util.Optional<ExperimentJob> running() {
        return jobs.stream().filter(ExperimentJob::isActive).findFirst();
    }

    /** @return the jobs waiting for their turn, in the order they will run */
    public List<ExperimentJob> waiting() {
        return jobs.stream().filter(j -> j.state() == ExperimentJob.State.QUEUED).toList();
    }

    /** Cancels {@code job}: a waiting job never starts; a running one stops its runner at once. */
    public void cancel(ExperimentJob job) {
        job.cancel();
    }

    /** Forgets the jobs that have ended. */
    public void clearFinished() {
        jobs.removeIf(ExperimentJob::isFinished);
        changed(null);
    }

    /** Adds a listener; the handle removes it. */
    public AutoCloseable addListener(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Cancels every job (the workbench is closing). */
    public void shutdown() {
        jobs.forEach(ExperimentJob::cancel);
    }

    ISchedulingRule rule() {
        return rule;
    }

    ExperimentServices services() {
        return services;
    }

    WorkbenchPrefs prefs() {
        return prefs.get();
    }

    /** Tells listeners that {@code job} changed ({@code null}: the list itself changed). */
    void changed(ExperimentJob job) {
        for (Listener l : listeners) {
            try {
                l.jobChanged(job);
            } catch (RuntimeException e) {
                Errors.log("A listener of the run queue failed", e);
            }
        }
    }

    void finished(Path folder) {
        events.post(RunEvents.RUN_FINISHED, folder);
    }
}
