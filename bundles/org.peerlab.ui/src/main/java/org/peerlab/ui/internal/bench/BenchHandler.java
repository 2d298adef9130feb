package org.peerlab.ui.internal.bench;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.peerlab.bench.BenchSettings;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.errors.Errors;
import org.peerlab.ui.internal.jobs.RunEvents;
import org.peerlab.ui.internal.runs.RunCatalog;

import jakarta.inject.Named;

/** Run → Micro-benchmarks…: asks for the settings, then runs a {@link BenchJob}. */
public class BenchHandler {

    @Execute
    void execute(@Named("activeShell") Shell shell, IEventBroker events) {
        BenchDialog dialog = new BenchDialog(shell);
        if (dialog.open() == Window.OK && dialog.settings() != null) {
            launch(shell, dialog.settings(), events);
        }
    }

    /**
     * Starts the benchmarks with {@code settings} (what OK does; UI tests call it directly).
     *
     * @return the scheduled job, or {@code null} when the strategy registry is not running (said in a dialog)
     */
    public static BenchJob launch(Shell shell, BenchSettings settings, IEventBroker events) {
        Bundle bundle = FrameworkUtil.getBundle(BenchHandler.class);
        BundleContext bc = bundle.getBundleContext();
        ServiceReference<StrategyRegistry> ref = bc.getServiceReference(StrategyRegistry.class);
        StrategyRegistry registry = ref == null ? null : bc.getService(ref);
        if (registry == null) {
            Errors.show(shell, "Cannot run the micro-benchmarks", new IllegalStateException("the strategy registry is not running"));
            return null;
        }
        BenchJob job = new BenchJob(registry, settings, new RunCatalog(WorkbenchPrefs.user().runsFolder()), bundle.getVersion().toString(),
                folder -> events.post(RunEvents.RUN_FINISHED, folder));
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                bc.ungetService(ref);
                if (event.getResult().getSeverity() == org.eclipse.core.runtime.IStatus.ERROR) {
                    Errors.show(shell, "Micro-benchmarks failed", event.getResult().getException() != null ? event.getResult().getException()
                            : new IllegalStateException(event.getResult().getMessage()));
                }
            }
        });
        job.schedule();
        return job;
    }
}
