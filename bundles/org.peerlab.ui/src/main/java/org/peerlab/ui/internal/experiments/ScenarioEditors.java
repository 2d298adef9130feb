package org.peerlab.ui.internal.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Finds and opens scenario editor parts in the editor area: one editor per file, made from the
 * scenario editor part descriptor, with the file in the part's persisted state (so editors come
 * back after a restart). Use on the UI thread.
 */
public final class ScenarioEditors {

    private static final String EDITORS = "org.peerlab.ui.partstack.editors";

    private final MApplication app;
    private final EModelService models;
    private final EPartService parts;

    public ScenarioEditors(MApplication app, EModelService models, EPartService parts) {
        this.app = app;
        this.models = models;
        this.parts = parts;
    }

    /** Shows the editor of {@code file}, opening one when there is none; returns its implementation. */
    public ScenarioEditor open(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        MPart part = find(normal).orElseGet(() -> {
            MPart p = parts.createPart(ScenarioEditor.DESCRIPTOR_ID);
            p.getPersistedState().put(ScenarioEditor.FILE_KEY, normal.toString());
            p.setLabel(ScenarioFiles.nameOf(normal));
            p.setTooltip(normal.toString());
            p.getTags().add(ScenarioEditor.TAG);
            MPartStack stack = (MPartStack) models.find(EDITORS, app);
            stack.getChildren().add(p);
            return p;
        });
        parts.showPart(part, PartState.ACTIVATE);
        if (!(part.getObject() instanceof ScenarioEditor editor)) {
            throw new IllegalStateException("the editor of " + normal + " did not open (its part holds " + part.getObject() + ")");
        }
        return editor;
    }

    /** @return the editor part of {@code file}, if one is open */
    public Optional<MPart> find(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        return all().stream().filter(p -> key.equals(p.getPersistedState().get(ScenarioEditor.FILE_KEY))).findFirst();
    }

    /** @return every scenario editor part in the model */
    public List<MPart> all() {
        return models.findElements(app, null, MPart.class, List.of(ScenarioEditor.TAG));
    }

    /** Closes the editor of {@code file} without saving, if one is open. */
    public void close(Path file) {
        find(file).ifPresent(p -> {
            p.setDirty(false);
            parts.hidePart(p, true);
        });
    }
}
