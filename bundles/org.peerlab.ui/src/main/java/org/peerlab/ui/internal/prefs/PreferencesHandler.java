package org.peerlab.ui.internal.prefs;

import java.io.IOException;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.errors.Errors;

import jakarta.inject.Named;

/** File → Preferences…: opens the {@link PreferencesDialog} and stores its answer. */
public class PreferencesHandler {

    /** Posted with the stored {@link PreferenceValues} after the preferences change. */
    public static final String CHANGED_TOPIC = "org/peerlab/ui/preferences/changed";

    @Execute
    void execute(@Named("activeShell") Shell shell, IEventBroker events) {
        WorkbenchPrefs prefs = WorkbenchPrefs.user();
        PreferencesDialog dialog = new PreferencesDialog(shell, PreferenceValues.of(prefs));
        if (dialog.open() == Window.OK && dialog.values() != null) {
            try {
                apply(prefs, dialog.values(), events);
            } catch (IOException e) {
                Errors.show(shell, "Cannot save the preferences", e);
            }
        }
    }

    /** Stores {@code values} and tells the workbench (what OK does; UI tests call it directly). */
    public static void apply(WorkbenchPrefs prefs, PreferenceValues values, IEventBroker events) throws IOException {
        values.store(prefs);
        if (events != null) {
            events.post(CHANGED_TOPIC, values);
        }
    }
}
