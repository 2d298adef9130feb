package org.peerlab.ui.internal.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.jfree.chart.JFreeChart;
import org.peerlab.report.Report;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.charts.ChartCanvas;
import org.peerlab.ui.internal.errors.Errors;
import org.peerlab.ui.internal.prefs.PreferenceValues;
import org.peerlab.ui.internal.prefs.PreferencesHandler;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * A finished run in the editors area, or several compared. One run: its metadata (scenario, seed,
 * versions, machine), then per metric the table of sweep points with 95% CI and the report's
 * charts, then the time series. Several runs: per chart one overlay with a series per run on the
 * same axes ({@link RunComparison}), and each metric's tables side by side. The run folders come
 * from the part's persisted state ({@value #FOLDERS}, one path per line), so the part survives a
 * restart. The files are read by a background job.
 */
public class RunReportPart {

    /** Persisted-state key: the run folders, one per line. */
    public static final String FOLDERS = "peerlab.run.folders";

    @Inject
    MPart part;

    private Composite body;
    private ScrolledComposite scroll;
    private ReportWidgets widgets;
    private volatile boolean loaded;
    private volatile String failure;
    private List<Path> folders;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroll, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(body);
        scroll.setContent(body);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> resize());
        folders = folders(part);
        new Label(body, SWT.NONE).setText("Reading " + folders.size() + " run(s)…");
        widgets = new ReportWidgets(body, WorkbenchPrefs.user().chartStyle());
        Display display = parent.getDisplay();
        Job job = Job.create("Reading " + part.getLabel(), (IProgressMonitor monitor) -> {
            Map<String, Report> reports = new LinkedHashMap<>();
            try {
                for (Path f : folders) {
                    RunEntry e = RunEntry.of(f);
                    reports.put(e.name(), RunReports.of(e));
                }
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
                display.asyncExec(() -> {
                    if (!body.isDisposed()) {
                        Errors.show(body.getShell(), "Cannot open " + part.getLabel(), e);
                        show(Map.of());
                    }
                });
                return Status.OK_STATUS; // reported in the dialog and log already
            }
            display.asyncExec(() -> {
                if (!body.isDisposed()) {
                    show(reports);
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    static List<Path> folders(MPart part) {
        String s = part.getPersistedState().getOrDefault(FOLDERS, "");
        List<Path> out = new ArrayList<>();
        for (String line : s.split("\n")) {
            if (!line.isBlank()) {
                out.add(Path.of(line));
            }
        }
        return out;
    }

    private void show(Map<String, Report> reports) {
        for (var c : body.getChildren()) {
            c.dispose();
        }
        if (reports.isEmpty()) {
            widgets.text(body, "The run could not be read" + (failure == null ? "." : ": " + failure));
        } else if (reports.size() == 1) {
            single(reports.values().iterator().next());
        } else {
            compare(reports);
        }
        loaded = true;
        resize();
    }

    private void single(Report r) {
        widgets.heading(body, r.title());
        widgets.keyValues(body, r.metadata());
        for (Report.Section s : r.sections()) {
            if (s.table() == null && s.charts().isEmpty()) {
                continue; // the scenario text: in the metadata's file and the exported report
            }
            widgets.heading(body, s.title());
            if (s.table() != null) {
                widgets.table(body, s.table());
            }
            s.charts().forEach(c -> widgets.chart(body, c));
        }
        r.notes().forEach(n -> widgets.text(body, n));
    }

    private void compare(Map<String, Report> reports) {
        widgets.heading(body, "Comparing " + String.join(", ", reports.keySet()));
        Composite meta = ReportWidgets.column(body, reports.size());
        reports.forEach((name, r) -> {
            Composite c = ReportWidgets.column(meta, 1);
            new Label(c, SWT.NONE).setText(name);
            widgets.keyValues(c, r.metadata());
        });
        widgets.heading(body, "Charts (one series per run)");
        for (Report.Chart c : RunComparison.overlay(reports)) {
            widgets.chart(body, c);
        }
        RunComparison.tables(reports).forEach((title, byRun) -> {
            widgets.heading(body, title);
            Composite row = ReportWidgets.column(body, byRun.size());
            byRun.forEach((name, table) -> {
                Composite c = ReportWidgets.column(row, 1);
                new Label(c, SWT.NONE).setText(name);
                widgets.table(c, table);
            });
        });
    }

    private void resize() {
        if (body.isDisposed()) {
            return;
        }
        int width = scroll.getClientArea().width;
        scroll.setMinSize(body.computeSize(Math.max(width, 400), SWT.DEFAULT));
        body.layout(true, true);
    }

    /** @return whether the runs have been read and shown (or their failure shown) */
    public boolean isLoaded() {
        return loaded;
    }

    /** @return why reading failed, or {@code null} */
    public String failure() {
        return failure;
    }

    /** @return the run folders shown */
    public List<Path> folders() {
        return List.copyOf(folders);
    }

    /** @return the charts shown, in order */
    public List<JFreeChart> charts() {
        return widgets.canvases().stream().filter(c -> !c.isDisposed()).map(ChartCanvas::getChart).toList();
    }

    @Inject
    @Optional
    void preferencesChanged(@UIEventTopic(PreferencesHandler.CHANGED_TOPIC) PreferenceValues values) {
        if (widgets != null && !body.isDisposed()) {
            widgets.restyle(values.chartStyle());
        }
    }

    /** Scrolls so that the first chart is at the top (what a user scrolling down to the charts sees); UI thread. */
    public void revealFirstChart() {
        List<ChartCanvas> shown = widgets.canvases().stream().filter(c -> !c.isDisposed()).toList();
        if (shown.isEmpty() || body.isDisposed()) {
            return;
        }
        ChartCanvas first = shown.get(0);
        Point at = body.getDisplay().map(first.getParent(), body, first.getLocation());
        scroll.setOrigin(0, Math.max(0, at.y - 40)); // keep the heading above the chart in view
    }

    @Focus
    void focus() {
        body.setFocus();
    }

}
