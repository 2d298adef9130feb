package org.peerlab.ui.internal.prefs;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.peerlab.ui.internal.WorkbenchPrefs.ChartStyle;

/**
 * File → Preferences…: output folders, parallelism, default seed and chart style. Fields are
 * checked as they are typed ({@link PreferenceValues#parse}); OK stays disabled while any is
 * invalid and the problems show in the title area. {@link #values()} is the answer after OK.
 */
public class PreferencesDialog extends TitleAreaDialog {

    private final PreferenceValues initial;
    private Text scenarios;
    private Text runs;
    private Text parallelism;
    private Text seed;
    private Combo style;
    private PreferenceValues values;

    public PreferencesDialog(Shell shell, PreferenceValues initial) {
        super(shell);
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Preferences");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Workbench preferences");
        setMessage("Where scenarios and finished runs are kept, how runs execute and how charts look.");
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        scenarios = folderRow(c, "Scenario folder:", initial.scenarioFolder().toString());
        runs = folderRow(c, "Runs folder:", initial.runsFolder().toString());
        parallelism = row(c, "Parallelism (threads per run):", Integer.toString(initial.parallelism()));
        seed = row(c, "Default seed:", Long.toString(initial.defaultSeed()));
        new Label(c, SWT.NONE).setText("Chart style:");
        style = new Combo(c, SWT.READ_ONLY);
        for (ChartStyle s : ChartStyle.values()) {
            style.add(s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        style.select(initial.chartStyle().ordinal());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(style);
        style.addListener(SWT.Selection, e -> check());
        return area;
    }

    private Text row(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(380, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> check());
        return t;
    }

    private Text folderRow(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> check());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(t.getText());
            String picked = d.open();
            if (picked != null) {
                t.setText(picked);
            }
        });
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        if (style == null || seed == null) {
            return;
        }
        try {
            values = PreferenceValues.parse(scenarios.getText(), runs.getText(), parallelism.getText(), seed.getText(),
                    style.getSelectionIndex() < 0 ? null : ChartStyle.values()[style.getSelectionIndex()]);
            setErrorMessage(null);
        } catch (PreferenceValues.InvalidPreferencesException e) {
            values = null;
            setErrorMessage(String.join("\n", e.problems()));
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(values != null);
        }
    }

    /** @return the checked values after OK, or {@code null} */
    public PreferenceValues values() {
        return values;
    }
}
