package org.peerlab.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Help > About PeerLab. */
public class AboutHandler {

    @Execute
    void execute(@Named("activeShell") Shell shell) {
        new AboutDialog(shell).open();
    }
}
