package org.peerlab.ui.internal.uitest;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.peerlab.bench.BenchSettings;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.WorkbenchPrefs.ChartStyle;
import org.peerlab.ui.internal.bench.BenchDialog;
import org.peerlab.ui.internal.bench.BenchHandler;
import org.peerlab.ui.internal.bench.BenchJob;
import org.peerlab.ui.internal.errors.ErrorLogPart;
import org.peerlab.ui.internal.prefs.PreferenceValues;
import org.peerlab.ui.internal.prefs.PreferencesDialog;
import org.peerlab.ui.internal.prefs.PreferencesHandler;
import org.peerlab.ui.internal.runs.RunEntry;
import org.peerlab.ui.internal.runs.RunReportPart;
import org.peerlab.ui.internal.runs.RunsPart;

/**
 * The rest of the "runs" group, around the Runs view: a broken run folder surfaces as an error
 * dialog and in the Error Log; the Preferences dialog refuses bad values and its chart style
 * restyles open charts; micro-benchmarks run as a cancellable job whose report becomes a run.
 */
final class RunsExtraChecks {

    private final UiTest test;
    private final RunsPart runs;

    RunsExtraChecks(UiTest test, RunsPart runs) {
        this.test = test;
        this.runs = runs;
    }

    /** A run folder with a corrupt {@code results.json}: listed as unreadable, Open reports why in a dialog and the Error Log. */
    void brokenRunIsReported() throws Exception {
        Path broken = WorkbenchPrefs.user().runsFolder().resolve("20000101-000000-broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("results.json"), "{ \"scenario\": ");
        runs.refresh();
        test.waitUntil("the Runs view lists the broken run", Duration.ofSeconds(20), () -> entry(broken).isPresent());
        RunEntry entry = entry(broken).orElseThrow();
        test.check(entry.kind() == RunEntry.Kind.UNKNOWN && entry.status().startsWith("unreadable"),
                "a corrupt results.json should list as unreadable, got " + entry.kind() + " " + entry.status());
        RunReportPart part = runs.open(List.of(entry));
        test.waitUntil("the broken run's part gives up", Duration.ofSeconds(20), part::isLoaded);
        test.check(part.failure() != null, "opening a corrupt run should fail");
        test.waitUntil("an error dialog about the broken run", Duration.ofSeconds(10), () -> dialog("Cannot open").isPresent());
        Shell dialog = dialog("Cannot open").orElseThrow();
        test.screenshot(dialog, "error-dialog");
        dialog.close();
        ErrorLogPart log = test.part("org.peerlab.ui.part.errorlog", ErrorLogPart.class);
        test.waitUntil("the Error Log lists the failure", Duration.ofSeconds(10),
                () -> log.shownMessages().stream().anyMatch(m -> m.startsWith("Cannot open " + entry.name())));
        test.screenshot("error-log");
        runs.delete(List.of(entry));
        test.waitUntil("the broken run is deleted", Duration.ofSeconds(20), () -> entry(broken).isEmpty() && Files.notExists(broken));
    }

    /** Types a bad parallelism (OK disabled, the problem named), then picks the dark style: the open run's charts turn dark. */
    void preferencesAreValidatedAndRestyleCharts(RunReportPart open) throws Exception {
        WorkbenchPrefs prefs = WorkbenchPrefs.user();
        PreferenceValues before = PreferenceValues.of(prefs);
        IEventBroker events = test.context().get(IEventBroker.class);
        PreferencesDialog dialog = new PreferencesDialog(mainShell(), before);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            List<Text> fields = all(dialog.getShell(), Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).toList();
            test.check(fields.size() == 4, "the Preferences dialog should have 4 text fields, has " + fields.size());
            Button ok = all(dialog.getShell(), Button.class).stream().filter(b -> IDialogConstants.OK_LABEL.equals(b.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("the Preferences dialog has no OK button"));
            fields.get(2).setText("0");
            test.pump(Duration.ofMillis(100));
            test.check(!ok.isEnabled(), "OK should be disabled while parallelism is 0");
            test.check(dialog.getErrorMessage() != null && dialog.getErrorMessage().contains("Parallelism"),
                    "the dialog should name the bad field, says: " + dialog.getErrorMessage());
            test.screenshot(dialog.getShell(), "preferences-invalid");
            fields.get(2).setText("2");
            Combo style = all(dialog.getShell(), Combo.class).get(0);
            style.select(ChartStyle.DARK.ordinal());
            style.notifyListeners(SWT.Selection, new Event());
            test.check(ok.isEnabled(), "OK should be enabled once every field is valid: " + dialog.getErrorMessage());
            ok.notifyListeners(SWT.Selection, new Event());
            test.check(dialog.values() != null && dialog.values().parallelism() == 2, "the dialog's answer: " + dialog.values());
            PreferencesHandler.apply(prefs, dialog.values(), events);
            test.check(prefs.chartStyle() == ChartStyle.DARK && prefs.parallelism() == 2, "the preferences were not stored");
            test.part("org.peerlab.ui.part.runs", RunsPart.class);
            runs.open(runs.entries().stream().filter(e -> open.folders().contains(e.folder())).toList());
            test.waitUntil("the open run's charts turn dark", Duration.ofSeconds(10),
                    () -> open.charts().get(0).getBackgroundPaint() instanceof Color c && c.getRed() < 100);
            open.revealFirstChart();
            test.screenshot("run-dark-style");
        } finally {
            if (dialog.getShell() != null) {
                dialog.close();
            }
            PreferencesHandler.apply(prefs, before, events);
        }
        test.waitUntil("the charts are light again", Duration.ofSeconds(10),
                () -> open.charts().get(0).getBackgroundPaint() instanceof Color c && c.getRed() > 200);
    }

    /** A full run is cancelled (no run folder); a quick one writes a benchmark run the view lists and opens with charts. */
    void benchmarksRunAsAJob() throws Exception {
        IEventBroker events = test.context().get(IEventBroker.class);
        BenchJob full = BenchHandler.launch(mainShell(), BenchSettings.defaults(), events);
        test.check(full != null, "the micro-benchmarks did not start");
        test.waitUntil("the benchmark job runs", Duration.ofSeconds(20), () -> full.getState() == Job.RUNNING || full.getResult() != null);
        full.cancel();
        test.waitUntil("the cancelled benchmark job ends", Duration.ofSeconds(60), () -> full.getResult() != null);
        test.check(full.getResult().getSeverity() == IStatus.CANCEL, "cancel should end the job as cancelled, got " + full.getResult());
        test.check(full.folder() == null, "a cancelled benchmark wrote " + full.folder());

        BenchSettings quick = BenchDialog.parse("aead", "aes-256-gcm", "0", "2", "20");
        BenchJob job = BenchHandler.launch(mainShell(), quick, events);
        test.waitUntil("the quick micro-benchmarks finish", Duration.ofSeconds(120), () -> job.getResult() != null);
        test.check(job.getResult().isOK(), "the micro-benchmarks failed: " + job.getResult());
        Path folder = job.folder();
        test.check(Files.isRegularFile(folder.resolve("report/report.html")), "no HTML report in " + folder);
        test.waitUntil("the Runs view lists the benchmark run", Duration.ofSeconds(20),
                () -> entry(folder).filter(e -> e.kind() == RunEntry.Kind.BENCHMARK).isPresent());
        RunReportPart part = runs.open(List.of(entry(folder).orElseThrow()));
        test.waitUntil("the benchmark report is shown", Duration.ofSeconds(20), part::isLoaded);
        test.check(part.failure() == null, "the benchmark run could not be read: " + part.failure());
        test.check(!part.charts().isEmpty(), "the benchmark run shows no charts");
        part.revealFirstChart();
        test.screenshot("bench-run");
        test.log("bench: " + folder.getFileName() + ", " + part.charts().size() + " chart(s)");
    }

    private Optional<RunEntry> entry(Path folder) {
        return runs.entries().stream().filter(e -> e.folder().equals(folder)).findFirst();
    }

    private Optional<Shell> dialog(String titlePrefix) {
        return Arrays.stream(test.display().getShells()).filter(s -> !s.isDisposed() && s.isVisible() && s.getText().startsWith(titlePrefix))
                .findFirst();
    }

    private Shell mainShell() {
        return (Shell) ((MWindow) test.models().find("org.peerlab.ui.window.main", test.app())).getWidget();
    }

    private static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
            if (c instanceof Composite k) {
                out.addAll(all(k, type));
            }
        }
        return out;
    }
}
