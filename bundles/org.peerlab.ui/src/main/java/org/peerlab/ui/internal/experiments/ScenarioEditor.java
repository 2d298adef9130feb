package org.peerlab.ui.internal.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.ui.internal.errors.Errors;
import org.peerlab.ui.internal.jobs.ExperimentJob;
import org.peerlab.ui.internal.jobs.ExperimentServices;
import org.peerlab.ui.internal.jobs.RunQueue;
import org.peerlab.ui.internal.jobs.UiThrottle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The scenario editor: a Form tab and a Source tab over one scenario file, a list of problems,
 * and Save and Run. The text is checked {@value ScenarioChecker#DELAY_MILLIS} ms after each change, off
 * the UI thread, exactly as a run would check it; problems appear as markers on their lines,
 * and Run stays disabled until the scenario is valid. Shipped scenarios open read-only, with a
 * button that copies them into the user's folder. The part is dirty while the text differs from
 * the file; saving writes the file atomically.
 */
public class ScenarioEditor {

    /** The part descriptor scenario editors are made from. */
    public static final String DESCRIPTOR_ID = "org.peerlab.ui.partdescriptor.scenario";
    /** Persisted state key of the edited file's absolute path. */
    public static final String FILE_KEY = "peerlab.scenario.file";
    /** The tag every scenario editor part carries. */
    public static final String TAG = "peerlab.scenario";

    @Inject
    private MPart part;
    @Inject
    private RunQueue queue;
    @Inject
    private ExperimentServices services;
    @Inject
    private MApplication app;
    @Inject
    private EModelService models;
    @Inject
    private EPartService parts;

    private volatile Path file;
    private boolean readOnly;
    private String savedText = "";
    private Display display;
    private Label status;
    private Button save;
    private Button run;
    private CTabFolder tabs;
    private CTabItem formTab;
    private CTabItem sourceTab;
    private ScenarioForm form;
    private ScenarioSource source;
    private Table problems;
    private long generation;
    private boolean formStale = true;
    private ScenarioValidator.Outcome outcome;
    private ScenarioChecker checker;
    private AutoCloseable servicesListening;

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().applyTo(parent);
        String path = part.getPersistedState().get(FILE_KEY);
        if (path == null) {
            new Label(parent, SWT.WRAP).setText("This editor has no scenario file.");
            return;
        }
        file = Path.of(path);
        ScenarioFiles files = ScenarioFiles.fromPreferences();
        readOnly = files.isShipped(file) || !Files.isWritable(file);
        try {
            savedText = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Label l = new Label(parent, SWT.WRAP);
            l.setText("Cannot read " + file + ": " + Errors.message(e));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(l);
            Errors.log("Cannot open the scenario " + file, e);
            return;
        }
        part.setLabel(ScenarioFiles.nameOf(file) + (readOnly ? " (read-only)" : ""));
        toolbar(parent);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        tabs = new CTabFolder(sash, SWT.BOTTOM | SWT.BORDER);
        formTab = new CTabItem(tabs, SWT.NONE);
        formTab.setText("Form");
        form = new ScenarioForm(tabs, this::formEdited);
        form.setReadOnly(readOnly);
        formTab.setControl(form.control());
        sourceTab = new CTabItem(tabs, SWT.NONE);
        sourceTab.setText("Source");
        source = new ScenarioSource(tabs);
        source.setEditable(!readOnly);
        sourceTab.setControl(source.control());
        tabs.addListener(SWT.Selection, e -> tabShown());
        problems = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        problems.setHeaderVisible(true);
        new TableColumn(problems, SWT.RIGHT).setText("Line");
        new TableColumn(problems, SWT.LEFT).setText("Problem");
        problems.getColumn(0).setWidth(60);
        problems.getColumn(1).setWidth(900);
        problems.addListener(SWT.DefaultSelection, e -> revealSelectedProblem());
        sash.setWeights(80, 20);
        checker = new ScenarioChecker(services, display, this::checked);
        source.widget().addListener(SWT.Modify, e -> textChanged());
        source.setText(savedText);
        tabs.setSelection(formTab);
        tabShown();
        UiThrottle servicesChanged = new UiThrottle(display, 300, this::servicesChanged);
        servicesListening = services.onChange(servicesChanged::request);
    }

    private void toolbar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(bar);
        if (readOnly) {
            Button copy = new Button(bar, SWT.PUSH);
            copy.setText("Copy to My Scenarios");
            copy.setToolTipText("Shipped scenarios are read-only: edit a copy in your scenario folder");
            copy.addListener(SWT.Selection, e -> {
                try {
                    copyToUserFolder();
                } catch (IOException | RuntimeException failure) {
                    Errors.show(parent.getShell(), "Cannot copy " + file.getFileName(), failure);
                }
            });
        } else {
            save = new Button(bar, SWT.PUSH);
            save.setText("Save");
            save.setEnabled(false);
            save.addListener(SWT.Selection, e -> persist());
        }
        run = new Button(bar, SWT.PUSH);
        run.setText("Run");
        run.setEnabled(false);
        run.setToolTipText("Run the scenario as it is in the editor (saved or not); runs queue behind each other");
        run.addListener(SWT.Selection, e -> {
            try {
                run();
            } catch (RuntimeException failure) {
                Errors.show(parent.getShell(), "Cannot run " + file.getFileName(), failure);
            }
        });
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);
    }

    /** @return the file edited */
    public Path file() {
        return file;
    }

    /** @return whether the scenario is shown read-only (a shipped one) */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** @return the text in the editor */
    public String text() {
        return source.text();
    }

    /** Replaces {@code length} characters at {@code offset} with {@code typed}, as typing in the Source tab does. */
    public void replace(int offset, int length, String typed) {
        if (readOnly) {
            throw new IllegalStateException(file + " is read-only");
        }
        source.widget().replaceTextRange(offset, length, typed);
    }

    /** Shows the Source tab, as a click on it does. */
    public void showSource() {
        tabs.setSelection(sourceTab);
        tabShown();
    }

    /** Shows the Form tab, as a click on it does. */
    public void showForm() {
        tabs.setSelection(formTab);
        tabShown();
    }

    /** @return the problem markers shown in the Source tab */
    public List<ProblemMarker> markers() {
        return source.markers();
    }

    /** @return the strategy choices the form shows, family to combo text */
    public java.util.Map<String, String> formStrategies() {
        return form.shownStrategies();
    }

    /** @return whether the Run button is enabled (only for a checked, valid scenario) */
    public boolean isRunEnabled() {
        return run.isEnabled();
    }

    /** @return whether a check of the current text is still to come */
    public boolean isCheckPending() {
        return outcome == null;
    }

    /** @return what the status line says */
    public String statusText() {
        return status.getText();
    }

    /**
     * Queues a run of the scenario as it is in the editor, as the Run button does.
     *
     * @throws IllegalStateException when Run is disabled (the scenario is invalid or not checked yet)
     */
    public ExperimentJob run() {
        if (!(outcome instanceof ScenarioValidator.Valid valid) || !run.isEnabled()) {
            throw new IllegalStateException("the scenario is not valid, or not checked yet: " + status.getText());
        }
        return queue.submit(valid.scenario(), file);
    }

    /** Writes the text to the file (atomically) and clears the dirty state. */
    public void save() throws IOException {
        if (readOnly) {
            throw new IllegalStateException(file + " is read-only; copy it to your scenarios to change it");
        }
        String text = source.text();
        ScenarioFiles.write(file, text);
        savedText = text;
        updateDirty();
    }

    @Persist
    void persist() {
        try {
            save();
        } catch (IOException | RuntimeException e) {
            Errors.show(tabs.getShell(), "Cannot save " + file, e);
        }
    }

    /** Copies this (shipped) scenario into the user's folder and opens the copy. */
    public ScenarioEditor copyToUserFolder() throws IOException {
        ScenarioFiles files = ScenarioFiles.fromPreferences();
        Path copy = files.duplicate(file, files.freeName(ScenarioFiles.nameOf(file)));
        return new ScenarioEditors(app, models, parts).open(copy);
    }

    /**
     * The file was renamed (by the Experiments view, which also renamed the scenario in it): edit
     * it under its new name. Unsaved changes stay unsaved, with the new scenario name in them too.
     */
    void fileMoved(Path newFile) {
        String current = source.text();
        boolean dirty = !current.equals(savedText);
        file = newFile.toAbsolutePath().normalize();
        part.getPersistedState().put(FILE_KEY, file.toString());
        part.setLabel(ScenarioFiles.nameOf(file));
        part.setTooltip(file.toString());
        try {
            savedText = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Errors.log("Cannot read the renamed scenario " + file, e);
        }
        source.setText(dirty ? ScenarioFiles.withName(current, ScenarioFiles.nameOf(file)) : savedText); // Modify: dirty state, check
    }

    private void formEdited(String text) {
        source.setText(text); // Modify follows: dirty state and checking
        formStale = false;
    }

    private void textChanged() {
        formStale = true;
        updateDirty();
        recheck();
    }

    private void recheck() {
        generation++;
        outcome = null;
        run.setEnabled(false);
        status.setText("Checking\u2026");
        status.setForeground(null);
        checker.request(source.text(), file.toString(), generation);
    }

    private void updateDirty() {
        boolean dirty = !readOnly && !source.text().equals(savedText);
        part.setDirty(dirty);
        if (save != null) {
            save.setEnabled(dirty);
        }
    }

    private void tabShown() {
        if (tabs.getSelection() == formTab && formStale) {
            WorkloadCatalog catalog = services.catalog();
            StrategyRegistry registry = services.registry();
            form.load(source.text(), catalog == null ? List.of() : catalog.names(), registry);
            formStale = false;
        }
    }

    private void servicesChanged() {
        if (tabs == null || tabs.isDisposed()) {
            return;
        }
        formStale = true;
        tabShown();
        recheck();
    }

    private void checked(long checkedGeneration, String text, ScenarioValidator.Outcome result) {
        if (tabs.isDisposed() || checkedGeneration != generation) {
            return; // the text changed since: a newer check is on its way
        }
        outcome = result;
        List<ProblemMarker> markers = result instanceof ScenarioValidator.Invalid invalid ? ProblemMarker.of(text, invalid.problems()) : List.of();
        source.setMarkers(markers);
        problems.removeAll();
        for (ProblemMarker m : markers) {
            TableItem item = new TableItem(problems, SWT.NONE);
            item.setText(new String[] { Integer.toString(m.line() + 1), m.message() });
            item.setData(m);
        }
        switch (result) {
            case ScenarioValidator.Valid v -> {
                status.setText(String.format(Locale.ROOT, "Valid: workload %s, %d sweep point%s \u00d7 %d replication%s = %d runs", v.scenario().workload(),
                        v.points(), v.points() == 1 ? "" : "s", v.scenario().replications(), v.scenario().replications() == 1 ? "" : "s", v.runs()));
                status.setForeground(display.getSystemColor(SWT.COLOR_DARK_GREEN));
            }
            case ScenarioValidator.Invalid i -> {
                status.setText(i.problems().size() + (i.problems().size() == 1 ? " problem" : " problems") + ": Run is disabled until the scenario is valid");
                status.setForeground(display.getSystemColor(SWT.COLOR_RED));
            }
            case ScenarioValidator.Unavailable u -> {
                status.setText("Cannot check yet: " + u.reason());
                status.setForeground(display.getSystemColor(SWT.COLOR_DARK_YELLOW));
            }
        }
        status.getParent().layout();
        run.setEnabled(result instanceof ScenarioValidator.Valid);
    }

    private void revealSelectedProblem() {
        int i = problems.getSelectionIndex();
        if (i >= 0 && problems.getItem(i).getData() instanceof ProblemMarker m) {
            showSource();
            source.reveal(m);
        }
    }

    @Focus
    void focus() {
        if (tabs != null && !tabs.isDisposed()) {
            tabs.setFocus();
        }
    }

    @PreDestroy
    void dispose() throws Exception {
        if (checker != null) {
            checker.cancel();
        }
        if (servicesListening != null) {
            servicesListening.close();
        }
    }
}
