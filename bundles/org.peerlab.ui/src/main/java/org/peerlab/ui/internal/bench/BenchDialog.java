package org.peerlab.ui.internal.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.peerlab.bench.BenchSettings;
import org.peerlab.bench.MicroBenchmarks;

/**
 * Run → Micro-benchmarks…: the settings of {@code peerlab bench} (families, strategies, warm-up,
 * iterations, iteration time), with a Quick button for a smoke check (0 warm-up, 2 iterations of
 * 20 ms). {@link #settings()} is the answer after OK.
 */
public class BenchDialog extends TitleAreaDialog {

    private Text families;
    private Text strategies;
    private Text warmup;
    private Text iterations;
    private Text millis;
    private BenchSettings settings;

    public BenchDialog(Shell shell) {
        super(shell);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Micro-benchmarks");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Micro-benchmarks");
        setMessage("Time the installed strategies on this machine; the report appears in the Runs view.");
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        BenchSettings d = BenchSettings.defaults();
        families = row(c, "Families (empty: all of " + String.join(", ", MicroBenchmarks.families()) + "):", "");
        strategies = row(c, "Strategies (empty: all):", "");
        warmup = row(c, "Warm-up iterations:", Integer.toString(d.warmupIterations()));
        iterations = row(c, "Measured iterations (at least 2):", Integer.toString(d.iterations()));
        millis = row(c, "Iteration time (ms):", Integer.toString(d.iterationMillis()));
        Button quick = new Button(c, SWT.PUSH);
        quick.setText("Quick");
        quick.setToolTipText("0 warm-up, 2 iterations of 20 ms: a smoke check, not a measurement");
        quick.addListener(SWT.Selection, e -> {
            warmup.setText("0");
            iterations.setText("2");
            millis.setText("20");
        });
        return area;
    }

    private Text row(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> check());
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        if (millis == null) {
            return;
        }
        try {
            settings = parse(families.getText(), strategies.getText(), warmup.getText(), iterations.getText(), millis.getText());
            setErrorMessage(null);
        } catch (IllegalArgumentException e) {
            settings = null;
            setErrorMessage(e.getMessage());
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(settings != null);
        }
    }

    /**
     * @return the settings the fields describe
     * @throws IllegalArgumentException naming the first bad field
     */
    public static BenchSettings parse(String families, String strategies, String warmup, String iterations, String millis) {
        Set<String> fams = list(families);
        for (String f : fams) {
            if (!MicroBenchmarks.families().contains(f)) {
                throw new IllegalArgumentException("no benchmarks for family '" + f + "' (known: " + String.join(", ", MicroBenchmarks.families()) + ")");
            }
        }
        return new BenchSettings(number("Warm-up", warmup), number("Iterations", iterations), number("Iteration time", millis), fams,
                list(strategies));
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text.strip() + "'");
        }
    }

    private static Set<String> list(String csv) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    /** @return the settings after OK, or {@code null} */
    public BenchSettings settings() {
        return settings;
    }
}
