package org.peerlab.ui.internal.uitest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.osgi.service.event.EventHandler;
import org.peerlab.ui.internal.charts.ChartCanvas;
import org.peerlab.ui.internal.charts.LiveChartPart;
import org.peerlab.ui.internal.experiments.ExperimentsPart;
import org.peerlab.ui.internal.experiments.ProblemMarker;
import org.peerlab.ui.internal.experiments.ScenarioEditor;
import org.peerlab.ui.internal.jobs.ExperimentJob;
import org.peerlab.ui.internal.jobs.ProgressPart;
import org.peerlab.ui.internal.jobs.RunEvents;

/**
 * The experiment workflow: a new scenario in the user's folder, opened in the editor; an invalid
 * strategy typed into the source gets a marker on its line and disables Run; fixed, it runs as a
 * job whose live chart fills while it runs, and its run folder is written and announced. Then
 * two runs are queued, the running one is cancelled (it must stop within seconds and write
 * nothing) and the queued one runs after it. Finally duplicate, rename and delete in the view.
 */
final class ExperimentSteps implements UiSteps {

    private static final Duration CHECK = Duration.ofSeconds(20);
    private static final Duration RUN = Duration.ofSeconds(180);

    @Override
    public String name() {
        return "experiments";
    }

    @Override
    public void run(UiTest test) throws Exception {
        IEventBroker broker = test.context().get(IEventBroker.class);
        List<Path> announced = new CopyOnWriteArrayList<>();
        EventHandler handler = event -> announced.add((Path) event.getProperty(IEventBroker.DATA));
        test.check(broker.subscribe(RunEvents.RUN_FINISHED, handler), "cannot subscribe to " + RunEvents.RUN_FINISHED);
        try {
            steps(test, announced);
        } finally {
            broker.unsubscribe(handler);
        }
    }

    private static void steps(UiTest test, List<Path> announced) throws Exception {
        org.eclipse.swt.widgets.Shell shell = test.display().getActiveShell();
        org.eclipse.swt.graphics.Point size = shell.getSize();
        shell.setSize(1280, 900); // room for the form and the charts in the screenshots
        try {
            workflow(test, announced);
        } finally {
            shell.setSize(size);
        }
    }

    private static void workflow(UiTest test, List<Path> announced) throws Exception {
        ExperimentsPart view = test.part(ExperimentsPart.ID, ExperimentsPart.class);
        test.check(view.shownFiles().stream().anyMatch(p -> p.endsWith(Path.of("simulation", "quickstart.json"))),
                "the Experiments view does not list the shipped simulation/quickstart.json: " + view.shownFiles());
        String name = "uitest-" + DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
        Path file = view.newScenario(name);
        test.check(Files.isRegularFile(file) && view.shownFiles().contains(file), "the new scenario " + file + " is not listed");
        test.log("created " + file);

        ScenarioEditor editor = view.open(file);
        test.waitUntil("the new scenario is checked and valid", CHECK, () -> !editor.isCheckPending() && editor.isRunEnabled());
        test.check("aes-256-gcm".equals(editor.formStrategies().get("aead")),
                "the form's aead choice is not aes-256-gcm: " + editor.formStrategies());
        test.check(editor.formStrategies().containsKey("nat-traversal"), "the form offers no choice for the installed nat-traversal family");
        test.screenshot("scenario-form");
        org.eclipse.swt.custom.ScrolledComposite form = scrollFormToEnd(test);
        test.screenshot("scenario-form-end");
        // An edit in the form rewrites the source and is checked like typing.
        org.eclipse.swt.widgets.Spinner replications = (org.eclipse.swt.widgets.Spinner) java.util.Arrays
                .stream(((org.eclipse.swt.widgets.Composite) form.getContent()).getChildren())
                .filter(org.eclipse.swt.widgets.Spinner.class::isInstance).findFirst().orElseThrow();
        replications.setSelection(3);
        replications.notifyListeners(org.eclipse.swt.SWT.Modify, new org.eclipse.swt.widgets.Event());
        test.check(editor.text().contains("\"replications\": 3"), "the form's replications did not reach the source:\n" + editor.text());
        test.waitUntil("the form edit checked", CHECK, () -> !editor.isCheckPending() && editor.statusText().contains("3 replications"));
        replications.setSelection(2);
        replications.notifyListeners(org.eclipse.swt.SWT.Modify, new org.eclipse.swt.widgets.Event());
        test.waitUntil("the form edit undone", CHECK, () -> !editor.isCheckPending() && editor.statusText().contains("2 replications"));

        // A strategy nobody installed, typed into the source.
        editor.showSource();
        String valid = editor.text();
        int at = valid.indexOf("\"aes-256-gcm\"") + 1;
        editor.replace(at, "aes-256-gcm".length(), "aes-999");
        test.check(!editor.isRunEnabled(), "Run stays enabled right after an edit, before the check");
        test.waitUntil("a problem marker for aes-999", CHECK, () -> !editor.isCheckPending() && !editor.markers().isEmpty());
        int expectedLine = lineOf(editor.text(), "aes-999");
        ProblemMarker marker = editor.markers().get(0);
        test.log("marker: line " + (marker.line() + 1) + ": " + marker.message());
        test.check(marker.line() == expectedLine, "the marker is on line " + (marker.line() + 1) + ", the typo on line " + (expectedLine + 1));
        test.check(marker.message().contains("aes-999") && marker.message().contains("strategies.aead"),
                "the marker does not name the problem: " + marker.message());
        test.check(editor.text().substring(marker.offset(), marker.offset() + marker.length()).equals("\"aes-999\""),
                "the marker does not underline the bad value");
        test.check(!editor.isRunEnabled(), "Run is enabled while the scenario is invalid");
        test.screenshot("scenario-invalid-marker");

        // Fixed, and made big enough to watch: 2 points x 2 replications of 320 MiB each.
        editor.replace(at, "aes-999".length(), "chacha20-poly1305");
        int size = editor.text().indexOf("\"file-size-mib\": 16") + "\"file-size-mib\": ".length();
        test.check(size > 20, "the template has no file-size-mib 16");
        editor.replace(size, 2, "320");
        test.waitUntil("Run enabled after the fix", CHECK, () -> !editor.isCheckPending() && editor.isRunEnabled());
        test.check(editor.markers().isEmpty(), "markers remain after the fix: " + editor.markers());
        editor.save();
        test.check(Files.readString(file, StandardCharsets.UTF_8).equals(editor.text()), "Save did not write the editor's text");

        ExperimentJob job = editor.run();
        test.waitUntil("the live chart has data while the run proceeds", RUN,
                () -> LiveChartPart.find(test.app(), test.models(), job).map(p -> p.items() > 0).orElse(false) || job.isFinished());
        test.check(!job.isFinished(), "the run ended (" + job.describe() + ") before its live chart showed anything");
        LiveChartPart live = LiveChartPart.find(test.app(), test.models(), job).orElseThrow();
        test.pump(Duration.ofMillis(1500)); // a few more batches, so the screenshot shows lines
        ChartCanvas chart = live.canvases().get(0);
        test.check(chart.getChart().getTitle().getText().contains("Throughput"), "the first live chart is not the throughput chart");
        test.log("live chart: " + live.items() + " items while " + job.describe());
        test.screenshot("run-live-chart");
        chart.savePng(test.out().resolve("live-throughput.png"));
        chart.saveSvg(test.out().resolve("live-throughput.svg"));
        test.check(Files.size(test.out().resolve("live-throughput.svg")) > 1000, "the SVG export is empty");

        checkZoomAndTooltips(test, chart);
        test.waitUntil("the run to finish", RUN, job::isFinished);
        test.check(job.state() == ExperimentJob.State.DONE, "the run ended as " + job.describe());
        Path folder = job.folder();
        for (String f : List.of("scenario.json", "results.json", "points.csv", "runs.csv", "timeseries.csv", "run-info.json", "report/report.html")) {
            test.check(Files.isRegularFile(folder.resolve(f)), "the run folder " + folder + " has no " + f);
        }
        test.check(folder.getFileName().toString().endsWith("-" + name), "the run folder is not named after the scenario: " + folder);
        test.waitUntil("the run-finished event", CHECK, () -> announced.contains(folder));
        test.log("run folder " + folder);

        queueAndCancel(test, editor);

        ScenarioEditor shipped = view.open(view.shownFiles().stream().filter(p -> p.endsWith(Path.of("simulation", "quickstart.json"))).findFirst()
                .orElseThrow());
        test.check(shipped.isReadOnly(), "a shipped scenario opened for editing");
        ScenarioEditor copied = shipped.copyToUserFolder();
        test.check(!copied.isReadOnly() && !copied.file().startsWith(shipped.file().getParent()), "the copy is not in the user folder: " + copied.file());
        test.waitUntil("the copied shipped scenario is valid", CHECK, copied::isRunEnabled);
        view.delete(copied.file());

        Path copy = view.duplicate(file, name + "-copy");
        test.check(Files.readString(copy, StandardCharsets.UTF_8).contains("\"name\": \"" + name + "-copy\""), "the copy keeps the old scenario name");
        ScenarioEditor copyEditor = view.open(copy);
        Path renamed = view.rename(copy, name + "-renamed");
        test.check(!Files.exists(copy) && Files.isRegularFile(renamed) && view.shownFiles().contains(renamed), "rename did not move " + copy);
        test.check(copyEditor.file().equals(renamed) && copyEditor.text().contains("\"name\": \"" + name + "-renamed\""),
                "the open editor did not follow the rename: " + copyEditor.file());
        view.delete(renamed);
        test.check(!Files.exists(renamed) && !view.shownFiles().contains(renamed), "delete left " + renamed);
    }

    /** Queues a long run and a short one, cancels the long one while it runs; the short one then runs. */
    private static void queueAndCancel(UiTest test, ScenarioEditor editor) throws Exception {
        int size = editor.text().indexOf("\"file-size-mib\": 320") + "\"file-size-mib\": ".length();
        editor.replace(size, 3, "8192");
        test.waitUntil("the long scenario checked", CHECK, () -> !editor.isCheckPending() && editor.isRunEnabled());
        ExperimentJob longRun = editor.run();
        editor.replace(size, 4, "16");
        test.waitUntil("the short scenario checked", CHECK, () -> !editor.isCheckPending() && editor.isRunEnabled());
        ExperimentJob shortRun = editor.run();
        test.waitUntil("the long run running with live data", RUN,
                () -> longRun.isActive() && longRun.live() != null && longRun.live().snapshot().events() > 0);
        test.check(shortRun.state() == ExperimentJob.State.QUEUED, "the second run does not wait for the first: " + shortRun.describe());
        ProgressPart progress = test.part(ProgressPart.ID, ProgressPart.class);
        test.waitUntil("the Progress view lists both runs", CHECK, () -> progress.rows().size() >= 2
                && progress.rows().stream().anyMatch(r -> r.contains("running")) && progress.rows().stream().anyMatch(r -> r.contains("queued")));
        test.check(progress.cancelEnabled(longRun) && progress.cancelEnabled(shortRun), "Cancel is not offered for both runs");
        test.screenshot("progress-queue");
        Object status = ((org.eclipse.e4.ui.model.application.ui.menu.MToolControl) test.models().find(
                "org.peerlab.ui.toolcontrol.experimentprogress", test.app())).getObject();
        test.waitUntil("the status bar shows the running run and the queued one", CHECK,
                () -> ((org.peerlab.ui.internal.jobs.RunStatusControl) status).text().matches("Running #\\d+ .*, 1 queued"));

        long cancelled = System.nanoTime();
        progress.cancel(longRun);
        test.waitUntil("the cancelled run to stop", Duration.ofSeconds(15), longRun::isFinished);
        double seconds = (System.nanoTime() - cancelled) / 1e9;
        test.log(String.format(java.util.Locale.ROOT, "cancelled in %.2f s: %s", seconds, longRun.describe()));
        test.check(longRun.state() == ExperimentJob.State.CANCELLED, "the cancelled run ended as " + longRun.describe());
        test.check(longRun.experimentRun() != null && longRun.experimentRun().cancelled() && longRun.experimentRun().isDone(),
                "the runner was not cancelled, or its runs go on");
        test.check(seconds < 5, "cancelling took " + seconds + " s");
        test.check(longRun.completed() < longRun.total(), "the cancelled run completed all its runs anyway");
        test.check(longRun.folder() == null, "a cancelled run wrote a folder");
        test.waitUntil("the queued run to run after the cancelled one", RUN, shortRun::isFinished);
        test.check(shortRun.state() == ExperimentJob.State.DONE && Files.isDirectory(shortRun.folder()), "the queued run ended as " + shortRun.describe());
        test.pump(Duration.ofMillis(400));
        test.screenshot("progress-after-cancel");
    }

    /** Scrolls the scenario form (the scrolled composite holding a spinner) to its end, as the scroll bar would. */
    private static org.eclipse.swt.custom.ScrolledComposite scrollFormToEnd(UiTest test) {
        org.eclipse.swt.widgets.Shell shell = test.display().getActiveShell();
        org.eclipse.swt.custom.ScrolledComposite form = find(shell);
        test.check(form != null, "no scrolled scenario form in the window");
        form.setOrigin(0, form.getContent().getSize().y);
        return form;
    }

    private static org.eclipse.swt.custom.ScrolledComposite find(org.eclipse.swt.widgets.Control c) {
        if (c instanceof org.eclipse.swt.custom.ScrolledComposite sc && sc.isVisible() && sc.getContent() instanceof org.eclipse.swt.widgets.Composite body
                && java.util.Arrays.stream(body.getChildren()).anyMatch(org.eclipse.swt.widgets.Spinner.class::isInstance)) {
            return sc;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                org.eclipse.swt.custom.ScrolledComposite found = find(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Tooltips name a point under the mouse; a dragged rectangle zooms; a double click's restore undoes it. */
    private static void checkZoomAndTooltips(UiTest test, ChartCanvas chart) {
        org.eclipse.swt.graphics.Rectangle area = chart.dataArea();
        test.check(area.width > 100 && area.height > 100, "the chart's data area is " + area);
        String tip = null;
        for (int x = area.x + area.width / 4; x < area.x + area.width && tip == null; x++) {
            for (int y = area.y; y < area.y + area.height && tip == null; y++) {
                tip = chart.toolTipAt(x, y);
            }
        }
        test.check(tip != null && tip.contains("network.latency-ms"), "no tooltip over the throughput line: " + tip);
        test.log("tooltip: " + tip);
        org.jfree.chart.plot.XYPlot plot = chart.getChart().getXYPlot();
        double before = plot.getDomainAxis().getRange().getLength();
        test.check(chart.zoomTo(new org.eclipse.swt.graphics.Rectangle(area.x + area.width / 4, area.y + 10, area.width / 4, area.height / 2)),
                "the drag did not zoom");
        double zoomed = plot.getDomainAxis().getRange().getLength();
        test.check(zoomed < before * 0.3, "zooming to a quarter of the width left " + zoomed + " of " + before);
        chart.restoreZoom();
        test.check(plot.getDomainAxis().isAutoRange(), "restore left a fixed range");
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        int line = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
