package org.peerlab.ui.internal.jobs;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The status bar's run indicator (a tool control in the bottom trim): the running experiment with
 * its percentage, a progress bar, and how many wait behind it. A click opens the Progress view.
 */
public class RunStatusControl {

    @Inject
    private RunQueue queue;

    @Inject
    @Optional
    private EPartService parts;

    private Label text;
    private ProgressBar bar;
    private AutoCloseable listening;

    @PostConstruct
    void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 1).applyTo(box);
        text = new Label(box, SWT.NONE);
        GridDataFactory.swtDefaults().hint(420, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(text);
        bar = new ProgressBar(box, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(1000);
        GridDataFactory.swtDefaults().hint(140, 14).align(SWT.FILL, SWT.CENTER).applyTo(bar);
        text.addListener(SWT.MouseUp, e -> showProgress());
        bar.addListener(SWT.MouseUp, e -> showProgress());
        text.setToolTipText("Experiment runs: click to open the Progress view");
        UiThrottle refresher = new UiThrottle(parent.getDisplay(), 200, this::refresh);
        listening = queue.addListener(job -> refresher.request());
        refresh();
    }

    private void showProgress() {
        if (parts != null) {
            parts.showPart(ProgressPart.ID, PartState.ACTIVATE);
        }
    }

    /** @return what the status bar says now */
    public String text() {
        return text.getText();
    }

    private void refresh() {
        if (text.isDisposed()) {
            return;
        }
        java.util.Optional<ExperimentJob> running = queue.running();
        List<ExperimentJob> waiting = queue.waiting();
        String queued = waiting.isEmpty() ? "" : ", " + waiting.size() + " queued";
        if (running.isPresent()) {
            ExperimentJob job = running.get();
            text.setText(String.format(Locale.ROOT, "Running #%d %s: %d of %d runs (%.0f%%)%s", job.id(), job.scenario().name(), job.done(), job.total(),
                    job.fraction() * 100, queued));
            bar.setSelection((int) Math.round(job.fraction() * 1000));
            bar.setVisible(true);
        } else {
            List<ExperimentJob> all = queue.jobs();
            ExperimentJob last = all.isEmpty() ? null : all.get(all.size() - 1);
            text.setText(last == null ? "No experiment running" : "Last run " + last.describe() + queued);
            bar.setSelection(0);
            bar.setVisible(false);
        }
        text.getParent().layout();
    }

    @PreDestroy
    void dispose() throws Exception {
        listening.close();
    }
}
