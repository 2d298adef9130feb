package org.peerlab.ui.internal.experiments;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.peerlab.ui.internal.errors.Errors;
import org.peerlab.ui.internal.jobs.ExperimentServices;

/**
 * Checks an editor's latest text off the UI thread, {@value #DELAY_MILLIS} ms after the last
 * request (a new request restarts the wait), and hands the outcome to the UI thread with the
 * generation it was asked for, so that the editor can drop outcomes of text it no longer shows.
 * A system job: it shows in no progress display.
 */
final class ScenarioChecker extends Job {

    /** Quiet time after a change before the text is checked. */
    static final int DELAY_MILLIS = 300;

    /** Receives outcomes on the UI thread. */
    interface Receiver {
        void checked(long generation, String text, ScenarioValidator.Outcome outcome);
    }

    private final ExperimentServices services;
    private final Display display;
    private final Receiver receiver;
    private volatile String text;
    private volatile String source;
    private volatile long generation;

    ScenarioChecker(ExperimentServices services, Display display, Receiver receiver) {
        super("Check scenario");
        this.services = services;
        this.display = display;
        this.receiver = receiver;
        setSystem(true);
    }

    /** Asks for {@code newText} (named {@code newSource} in positions) to be checked as generation {@code newGeneration}. */
    void request(String newText, String newSource, long newGeneration) {
        text = newText;
        source = newSource;
        generation = newGeneration;
        cancel();
        schedule(DELAY_MILLIS);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        String t = text;
        String s = source;
        long g = generation;
        ScenarioValidator.Outcome result;
        try {
            result = ScenarioValidator.check(t, s, services.catalog() == null ? null : services.runner(1));
        } catch (RuntimeException e) { // the catalog left between the two calls: say so; the next change checks again
            result = new ScenarioValidator.Unavailable(Errors.message(e));
        }
        ScenarioValidator.Outcome outcome = result;
        if (!display.isDisposed()) {
            display.asyncExec(() -> receiver.checked(g, t, outcome));
        }
        return Status.OK_STATUS;
    }
}
