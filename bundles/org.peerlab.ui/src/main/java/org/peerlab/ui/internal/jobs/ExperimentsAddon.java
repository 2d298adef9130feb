package org.peerlab.ui.internal.jobs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.charts.LiveChartPart;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Sets up experiment runs for the workbench: puts the {@link ExperimentServices} and the
 * {@link RunQueue} into the application context (parts inject them), opens a live chart part
 * in the editor area when a run starts, and cancels every run when the workbench closes.
 */
public class ExperimentsAddon {

    private final Set<Long> opened = ConcurrentHashMap.newKeySet();
    private ExperimentServices services;
    private RunQueue queue;
    private AutoCloseable listening;

    @PostConstruct
    void start(MApplication app, IEventBroker events, UISynchronize sync, EModelService models) {
        // Charts are drawn by AWT into images, never into AWT windows: keep AWT away from the display
        // (GTK owns it) unless someone asked for something else on purpose.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        services = new ExperimentServices(FrameworkUtil.getBundle(getClass()).getBundleContext());
        queue = new RunQueue(services, WorkbenchPrefs::user, events);
        app.getContext().set(ExperimentServices.class, services);
        app.getContext().set(RunQueue.class, queue);
        listening = queue.addListener(job -> {
            if (job != null && job.state() == ExperimentJob.State.RUNNING && opened.add(job.id())) {
                sync.asyncExec(() -> LiveChartPart.open(app, models, job));
            }
        });
    }

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app, EModelService models) {
        LiveChartPart.removeStale(app, models);
    }

    @PreDestroy
    void stop() throws Exception {
        listening.close();
        queue.shutdown();
        services.close();
    }
}
