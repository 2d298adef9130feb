package org.peerlab.ui.internal.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.errors.Errors;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Experiments view: the shipped scenarios (read-only) and the user's own, from the folder
 * chosen in the preferences. New, Duplicate, Rename and Delete work on the user's folder
 * (Duplicate also copies a shipped scenario there); a double click opens the scenario editor.
 * The buttons ask for names and confirmation in dialogs, then call the methods below, which
 * tests call directly.
 */
public class ExperimentsPart {

    /** The part's id in the application model. */
    public static final String ID = "org.peerlab.ui.part.experiments";

    /** A root of the tree: one of the two folders. */
    record Folder(String title, Path path, List<Path> files, String problem) {
    }

    @Inject
    private MApplication app;
    @Inject
    private EModelService models;
    @Inject
    private EPartService parts;

    private TreeViewer viewer;
    private Label status;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        tool(bar, "New", "Create a scenario in your folder", this::promptNew);
        tool(bar, "Duplicate", "Copy the selected scenario into your folder", this::promptDuplicate);
        tool(bar, "Rename", "Rename the selected scenario (file and scenario name)", this::promptRename);
        tool(bar, "Delete", "Delete the selected scenario from your folder", this::confirmDelete);
        tool(bar, "Refresh", "Read the folders again", this::refresh);
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTree());
        viewer.setContentProvider(new Content());
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Folder f ? f.title() : ScenarioFiles.nameOf((Path) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof Folder f ? f.path() + (f.problem() == null ? "" : "\n" + f.problem()) : element.toString();
            }
        });
        viewer.addDoubleClickListener(e -> {
            if (selected() != null) {
                openSelected();
            }
        });
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        Menu menu = new Menu(viewer.getTree());
        menuItem(menu, "Open", this::openSelected);
        menuItem(menu, "New\u2026", this::promptNew);
        menuItem(menu, "Duplicate\u2026", this::promptDuplicate);
        menuItem(menu, "Rename\u2026", this::promptRename);
        menuItem(menu, "Delete", this::confirmDelete);
        viewer.getTree().setMenu(menu);
        refresh();
    }

    /**
     * Creates {@code <name>.json} in the user's folder from the template (a small transfer
     * experiment with the preferred seed) and selects it.
     */
    public Path newScenario(String name) throws IOException {
        Path file = ScenarioFiles.fromPreferences().create(name, WorkbenchPrefs.user().defaultSeed());
        refresh();
        select(file);
        return file;
    }

    /** Copies {@code source} into the user's folder as {@code newName} and selects the copy. */
    public Path duplicate(Path source, String newName) throws IOException {
        Path file = ScenarioFiles.fromPreferences().duplicate(source, newName);
        refresh();
        select(file);
        return file;
    }

    /**
     * Renames one of the user's scenarios; an open editor follows the file. Unsaved changes in
     * that editor stay unsaved, now for the new file.
     */
    public Path rename(Path file, String newName) throws IOException {
        Path renamed = ScenarioFiles.fromPreferences().rename(file, newName);
        ScenarioEditors editors = editors();
        editors.find(file).ifPresent(p -> {
            if (p.getObject() instanceof ScenarioEditor editor) {
                editor.fileMoved(renamed);
            } else {
                p.getPersistedState().put(ScenarioEditor.FILE_KEY, renamed.toString());
            }
        });
        refresh();
        select(renamed);
        return renamed;
    }

    /** Deletes one of the user's scenarios, closing its editor without saving. */
    public void delete(Path file) throws IOException {
        editors().close(file);
        ScenarioFiles.fromPreferences().delete(file);
        refresh();
    }

    /** Opens (or shows) the editor of {@code file}. */
    public ScenarioEditor open(Path file) {
        return editors().open(file);
    }

    /** @return the scenario files the tree shows, shipped first */
    public List<Path> shownFiles() {
        List<Path> out = new ArrayList<>();
        for (TreeItem root : viewer.getTree().getItems()) {
            for (TreeItem item : root.getItems()) {
                if (item.getData() instanceof Path p) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Reads both folders again. */
    public void refresh() {
        ScenarioFiles files = ScenarioFiles.fromPreferences();
        List<Folder> roots = new ArrayList<>();
        Path shipped = files.shipped().orElse(null);
        if (shipped == null) {
            roots.add(new Folder("Shipped scenarios (not found)", Path.of(""), List.of(),
                    "start the workbench with ./peerlab (it passes -D" + ScenarioFiles.HOME_PROPERTY + ")"));
        } else {
            roots.add(folder("Shipped scenarios (read-only)", shipped, files::shippedScenarios));
        }
        roots.add(folder("My scenarios", files.user(), files::userScenarios));
        Object selection = selected();
        viewer.setInput(roots);
        viewer.expandAll();
        if (selection != null) {
            viewer.setSelection(new StructuredSelection(selection), true);
        }
        status.setText("My scenarios: " + files.user());
        status.getParent().layout();
    }

    private interface Listing {
        List<Path> list() throws IOException;
    }

    private static Folder folder(String title, Path path, Listing listing) {
        try {
            return new Folder(title, path, listing.list(), null);
        } catch (IOException e) {
            Errors.log("Cannot list the scenarios in " + path, e);
            return new Folder(title + " (unreadable: " + Errors.message(e) + ")", path, List.of(), Errors.message(e));
        }
    }

    private ScenarioEditors editors() {
        return new ScenarioEditors(app, models, parts);
    }

    private Path selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof Path p ? p : null;
    }

    private void select(Path file) {
        viewer.setSelection(new StructuredSelection(file), true);
    }

    private void openSelected() {
        Path file = selected();
        if (file != null) {
            try {
                open(file);
            } catch (RuntimeException e) {
                Errors.show(viewer.getTree().getShell(), "Cannot open " + file, e);
            }
        }
    }

    private void promptNew() {
        ScenarioFiles files = ScenarioFiles.fromPreferences();
        String name = ask("New scenario", "Name of the new scenario (it becomes <name>.json in " + files.user() + "):",
                files.freeName("my-experiment"));
        if (name != null) {
            act("Cannot create the scenario " + name, () -> open(newScenario(name)));
        }
    }

    private void promptDuplicate() {
        Path file = requireSelection("Duplicate");
        if (file == null) {
            return;
        }
        String name = ask("Duplicate scenario", "Name of the copy of " + file.getFileName() + ":",
                ScenarioFiles.fromPreferences().freeName(ScenarioFiles.nameOf(file) + "-copy"));
        if (name != null) {
            act("Cannot duplicate " + file.getFileName(), () -> duplicate(file, name));
        }
    }

    private void promptRename() {
        Path file = requireSelection("Rename");
        if (file == null) {
            return;
        }
        if (ScenarioFiles.fromPreferences().isShipped(file)) {
            MessageDialog.openInformation(viewer.getTree().getShell(), "Rename", "Shipped scenarios cannot be renamed; duplicate it first.");
            return;
        }
        String name = ask("Rename scenario", "New name of " + file.getFileName() + ":", ScenarioFiles.nameOf(file));
        if (name != null && !name.equals(ScenarioFiles.nameOf(file))) {
            act("Cannot rename " + file.getFileName(), () -> rename(file, name));
        }
    }

    private void confirmDelete() {
        Path file = requireSelection("Delete");
        if (file == null) {
            return;
        }
        if (ScenarioFiles.fromPreferences().isShipped(file)) {
            MessageDialog.openInformation(viewer.getTree().getShell(), "Delete", "Shipped scenarios cannot be deleted.");
            return;
        }
        if (MessageDialog.openConfirm(viewer.getTree().getShell(), "Delete scenario",
                "Delete " + file + "?" + (editors().find(file).isPresent() ? " Its editor closes and unsaved changes are lost." : ""))) {
            act("Cannot delete " + file.getFileName(), () -> {
                delete(file);
                return file;
            });
        }
    }

    private Path requireSelection(String what) {
        Path file = selected();
        if (file == null) {
            MessageDialog.openInformation(viewer.getTree().getShell(), what, "Select a scenario first.");
        }
        return file;
    }

    private String ask(String title, String message, String initial) {
        InputDialog dialog = new InputDialog(viewer.getTree().getShell(), title, message, initial, ScenarioFiles::nameProblem);
        return dialog.open() == Window.OK ? dialog.getValue().strip() : null;
    }

    private interface FileAction {
        Object run() throws IOException;
    }

    private void act(String failureTitle, FileAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            Errors.show(viewer.getTree().getShell(), failureTitle, e);
        }
    }

    private static void tool(ToolBar bar, String text, String tip, Runnable action) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> action.run());
    }

    private static void menuItem(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> action.run());
    }

    @Focus
    void focus() {
        viewer.getTree().setFocus();
    }

    /** The two folders and their files. */
    private static final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof Folder f ? f.files().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Folder f && !f.files().isEmpty();
        }
    }
}
