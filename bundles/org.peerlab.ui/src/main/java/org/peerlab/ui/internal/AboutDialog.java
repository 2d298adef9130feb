package org.peerlab.ui.internal;

import java.util.Arrays;
import java.util.Comparator;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** PeerLab's version, the Java runtime, and the versions of PeerLab's and the platform's bundles. */
final class AboutDialog extends Dialog {

    AboutDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About PeerLab");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Bundle self = FrameworkUtil.getBundle(getClass());
        Label title = new Label(area, SWT.NONE);
        title.setText("PeerLab " + self.getVersion() + ": secure peer-to-peer file sharing and a testbed to measure it");
        Label runtime = new Label(area, SWT.NONE);
        runtime.setText("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(660, 300).applyTo(table);
        for (String heading : new String[] { "Bundle", "Version", "State" }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(heading);
            c.setWidth(heading.equals("Bundle") ? 300 : heading.equals("Version") ? 220 : 140);
        }
        Arrays.stream(self.getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName() != null)
                .filter(b -> b.getSymbolicName().startsWith("org.peerlab.") || b.getSymbolicName().startsWith("org.eclipse.e4.ui.workbench")
                        || b.getSymbolicName().equals("org.eclipse.osgi") || b.getSymbolicName().equals("org.eclipse.swt")
                        || b.getSymbolicName().equals("org.apache.felix.scr"))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(b -> {
                    TableItem item = new TableItem(table, SWT.NONE);
                    item.setText(new String[] { b.getSymbolicName(), b.getVersion().toString(), state(b.getState()) });
                });
        return area;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.STARTING -> "lazy (not yet used)";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed (unresolved)";
            default -> "other";
        };
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
