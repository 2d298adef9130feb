package org.peerlab.ui.internal.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.errors.Errors;
import org.peerlab.ui.internal.jobs.RunEvents;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Runs view: every finished run kept in the runs folder (experiments and micro-benchmarks),
 * newest first, with scenario, date, seed, run count and status. Open shows one run's report,
 * Compare overlays two or more; Export copies a run with its HTML report to a folder; Delete
 * removes runs. Refreshes when a run finishes ({@value RunEvents#RUN_FINISHED}), when the preferences
 * change and on demand.
 */
public class RunsPart {

    /** Posted with the run's folder ({@link Path}) when a workbench run has been written. */
    static final String EDITORS = "org.peerlab.ui.partstack.editors";
    static final String REPORT_PART = "org.peerlab.ui.part.runreport";

    @Inject
    EModelService models;
    @Inject
    EPartService parts;
    @Inject
    MApplication app;

    private TableViewer viewer;
    private Label status;
    private Display display;
    private volatile List<RunEntry> entries = List.of();

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true; // the left stack is narrow: buttons go onto a second line rather than off the edge
        row.marginLeft = row.marginRight = row.marginTop = row.marginBottom = 0;
        buttons.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
        button(buttons, "Refresh", "Read the runs folder again", this::refresh);
        button(buttons, "Open", "Show the selected run's charts and tables", () -> open(selected()));
        button(buttons, "Compare", "Overlay two or more selected runs on the same axes", () -> compare(selected()));
        button(buttons, "Export…", "Copy the selected run with its HTML report, CSV and JSON to a folder", this::exportSelected);
        button(buttons, "Delete", "Delete the selected runs' folders", this::deleteSelected);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        column("Name", 190, RunEntry::name);
        column("Scenario", 140, RunEntry::scenario);
        column("Date", 140, RunEntry::dateText);
        column("Seed", 60, RunEntry::seed);
        column("Runs", 50, RunEntry::runs);
        column("Status", 100, RunEntry::status);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> open(selected()));
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        viewer.setInput(entries);
        refresh();
    }

    private void button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void column(String title, int width, java.util.function.Function<RunEntry, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((RunEntry) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return ((RunEntry) element).folder().toString();
            }
        });
    }

    @Inject
    @Optional
    void runFinished(@UIEventTopic(RunEvents.RUN_FINISHED) Object folder) {
        refresh();
    }

    @Inject
    @Optional
    void preferencesChanged(@UIEventTopic(org.peerlab.ui.internal.prefs.PreferencesHandler.CHANGED_TOPIC) Object values) {
        refresh();
    }

    /** Reads the runs folder again in the background; {@link #entries()} changes when done. */
    public void refresh() {
        if (viewer == null) {
            return;
        }
        RunCatalog catalog = catalog();
        Job.create("Reading the runs folder", monitor -> {
            try {
                List<RunEntry> list = catalog.list();
                display.asyncExec(() -> show(list, catalog.root()));
            } catch (IOException e) {
                display.asyncExec(() -> Errors.show(viewer.getTable().getShell(), "Cannot read the runs folder " + catalog.root(), e));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(List<RunEntry> list, Path root) {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        List<Path> keep = selected().stream().map(RunEntry::folder).toList();
        entries = list;
        viewer.setInput(list);
        select(keep);
        status.setText(list.size() + " run(s) in " + root);
    }

    private static RunCatalog catalog() {
        return new RunCatalog(WorkbenchPrefs.user().runsFolder());
    }

    /** @return the runs listed, newest first */
    public List<RunEntry> entries() {
        return entries;
    }

    /** Selects the runs in {@code folders} (as a click would). */
    public void select(List<Path> folders) {
        List<RunEntry> sel = entries.stream().filter(e -> folders.contains(e.folder())).toList();
        viewer.setSelection(new StructuredSelection(sel), true);
    }

    /** @return the selected runs */
    public List<RunEntry> selected() {
        List<RunEntry> out = new ArrayList<>();
        for (Object o : ((IStructuredSelection) viewer.getSelection()).toList()) {
            out.add((RunEntry) o);
        }
        return out;
    }

    /** Opens the run in the editors area (activating it when already open); null when none is given. */
    public RunReportPart open(List<RunEntry> runs) {
        if (runs.isEmpty()) {
            MessageDialog.openInformation(viewer.getTable().getShell(), "Open run", "Select a run first.");
            return null;
        }
        RunEntry run = runs.get(0);
        return show(List.of(run.folder()), run.name(), "Run " + run.folder());
    }

    /** Opens a comparison of two or more runs; null (after saying why) with fewer. */
    public RunReportPart compare(List<RunEntry> runs) {
        if (runs.size() < 2) {
            MessageDialog.openInformation(viewer.getTable().getShell(), "Compare runs", "Select two or more runs to compare.");
            return null;
        }
        List<Path> folders = runs.stream().map(RunEntry::folder).toList();
        return show(folders, "Compare " + runs.size() + " runs", "Comparing " + String.join(", ", runs.stream().map(RunEntry::name).toList()));
    }

    private RunReportPart show(List<Path> folders, String label, String tooltip) {
        String key = String.join("\n", folders.stream().map(Path::toString).toList());
        MPartStack editors = (MPartStack) models.find(EDITORS, app);
        MPart part = null;
        for (var child : editors.getChildren()) {
            if (child instanceof MPart p && key.equals(p.getPersistedState().get(RunReportPart.FOLDERS))) {
                part = p;
            }
        }
        if (part == null) {
            part = models.createModelElement(MPart.class);
            part.setElementId(REPORT_PART);
            part.setContributionURI("bundleclass://org.peerlab.ui/" + RunReportPart.class.getName());
            part.setLabel(label);
            part.setTooltip(tooltip);
            part.setCloseable(true);
            part.getTags().add(EPartService.REMOVE_ON_HIDE_TAG);
            part.getPersistedState().put(RunReportPart.FOLDERS, key);
            editors.getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
        return (RunReportPart) part.getObject();
    }

    private void exportSelected() {
        List<RunEntry> sel = selected();
        if (sel.size() != 1) {
            MessageDialog.openInformation(viewer.getTable().getShell(), "Export run", "Select one run to export.");
            return;
        }
        DirectoryDialog d = new DirectoryDialog(viewer.getTable().getShell(), SWT.SAVE);
        d.setText("Export " + sel.get(0).name());
        d.setMessage("Pick a folder for the report; a non-empty one gets a sub-folder named after the run.");
        String picked = d.open();
        if (picked == null) {
            return;
        }
        Path target = Path.of(picked);
        if (!isEmptyFolder(target)) {
            target = target.resolve(sel.get(0).name());
        }
        Path finalTarget = target;
        Path run = sel.get(0).folder();
        Job.create("Exporting " + sel.get(0).name(), monitor -> {
            try {
                Path html = exportRun(run, finalTarget);
                display.asyncExec(() -> MessageDialog.openInformation(viewer.getTable().getShell(), "Export run",
                        "Exported to " + finalTarget + "\nReport: " + html));
            } catch (IOException | RuntimeException e) {
                Errors.show(viewer.getTable().getShell(), "Cannot export " + run.getFileName() + " to " + finalTarget, e);
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return !Files.exists(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Exports {@code run} to {@code target} (absent or empty): what Export… does after its folder
     * dialog. Any thread.
     *
     * @return the exported HTML report
     */
    public Path exportRun(Path run, Path target) throws IOException {
        return RunExport.exportRun(run, target);
    }

    private void deleteSelected() {
        List<RunEntry> sel = selected();
        if (sel.isEmpty()) {
            return;
        }
        String names = String.join("\n", sel.stream().map(RunEntry::name).toList());
        if (MessageDialog.openQuestion(viewer.getTable().getShell(), "Delete runs",
                "Delete these runs and all their files?\n\n" + names)) {
            delete(sel);
        }
    }

    /** Deletes the runs' folders (what Delete does once confirmed), then refreshes. */
    public void delete(List<RunEntry> runs) {
        RunCatalog catalog = catalog();
        for (RunEntry r : runs) {
            try {
                catalog.delete(r.folder());
            } catch (IOException | IllegalArgumentException e) {
                Errors.show(viewer.getTable().getShell(), "Cannot delete " + r.name(), e);
            }
        }
        refresh();
    }

    @Focus
    void focus() {
        viewer.getTable().setFocus();
    }

}
