package org.peerlab.ui.internal.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Progress view: every experiment run of this session, queued, running or ended, with its
 * progress, its state and a Cancel button; ended runs stay until "Clear finished".
 */
public class ProgressPart {

    /** The part's id in the application model. */
    public static final String ID = "org.peerlab.ui.part.progress";

    @Inject
    private RunQueue queue;

    private final Map<ExperimentJob, Row> rows = new LinkedHashMap<>();
    private ScrolledComposite scroller;
    private Composite list;
    private Label summary;
    private AutoCloseable listening;

    /** The widgets of one job. */
    private final class Row {
        final Composite box;
        final Label text;
        final ProgressBar bar;
        final Button cancel;

        Row(ExperimentJob job) {
            box = new Composite(list, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).applyTo(box);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(box);
            text = new Label(box, SWT.NONE);
            GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(text);
            bar = new ProgressBar(box, SWT.HORIZONTAL | SWT.SMOOTH);
            bar.setMaximum(1000);
            GridDataFactory.swtDefaults().hint(220, SWT.DEFAULT).applyTo(bar);
            cancel = new Button(box, SWT.PUSH);
            cancel.setText("Cancel");
            cancel.addListener(SWT.Selection, e -> cancel(job));
        }

        void update(ExperimentJob job) {
            text.setText(job.describe());
            text.setToolTipText(job.scenarioFile() + (job.folder() == null ? "" : "\nresults: " + job.folder()));
            bar.setSelection((int) Math.round(job.fraction() * 1000));
            bar.setState(switch (job.state()) {
                case FAILED -> SWT.ERROR;
                case CANCELLED -> SWT.PAUSED;
                default -> SWT.NORMAL;
            });
            cancel.setEnabled(!job.isFinished());
        }
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        summary = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        Button clear = new Button(bar, SWT.PUSH);
        clear.setText("Clear finished");
        clear.addListener(SWT.Selection, e -> queue.clearFinished());
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        list = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(list);
        scroller.setContent(list);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.addListener(SWT.Resize, e -> layoutList());
        UiThrottle refresher = new UiThrottle(parent.getDisplay(), 150, this::refresh);
        listening = queue.addListener(job -> refresher.request());
        refresh();
    }

    /** Cancels {@code job}, as its Cancel button does. */
    public void cancel(ExperimentJob job) {
        queue.cancel(job);
    }

    /** @return the text of each row, oldest job first, as the view shows it */
    public List<String> rows() {
        List<String> out = new ArrayList<>();
        rows.values().forEach(r -> out.add(r.text.getText()));
        return out;
    }

    /** @return whether the Cancel button of {@code job}'s row is enabled (false when there is no row) */
    public boolean cancelEnabled(ExperimentJob job) {
        Row r = rows.get(job);
        return r != null && r.cancel.isEnabled();
    }

    /** Brings the rows up to date with the queue (the UI thread; the view calls it on every change). */
    public void refresh() {
        if (list == null || list.isDisposed()) {
            return;
        }
        List<ExperimentJob> jobs = queue.jobs();
        if (!rows.keySet().equals(new LinkedHashSet<>(jobs))) {
            rows.entrySet().removeIf(e -> {
                if (!jobs.contains(e.getKey())) {
                    e.getValue().box.dispose();
                    return true;
                }
                return false;
            });
            for (ExperimentJob job : jobs) {
                rows.computeIfAbsent(job, Row::new);
            }
        }
        rows.forEach((job, row) -> row.update(job));
        long waiting = jobs.stream().filter(j -> j.state() == ExperimentJob.State.QUEUED).count();
        long active = jobs.stream().filter(ExperimentJob::isActive).count();
        summary.setText(jobs.isEmpty() ? "No experiment runs yet: open a scenario and press Run."
                : active + " running, " + waiting + " queued, " + (jobs.size() - active - waiting) + " ended");
        layoutList();
    }

    private void layoutList() {
        list.layout(true, true);
        scroller.setMinSize(list.computeSize(scroller.getClientArea().width, SWT.DEFAULT));
    }

    @Focus
    void focus() {
        scroller.setFocus();
    }

    @PreDestroy
    void dispose() throws Exception {
        listening.close();
    }
}
