package org.peerlab.ui.internal.uitest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Started with {@code -Dpeerlab.uitest=DIR} (what {@code ./peerlab --ui-test DIR} does), the
 * workbench tests itself once it is up: it runs every {@link UiSteps} group in order on the UI
 * thread, writes {@code PASS name} or {@code FAIL name: why} per group to
 * {@code DIR/ui-test-results.txt} (the stack trace of a failure to {@code DIR/ui-test.log}),
 * screenshots into {@code DIR}, and closes the workbench. {@code -Dpeerlab.uitest.only=a,b}
 * runs only the named groups. Without the property it does nothing.
 */
public class UiTestAddon {

    static final String PROPERTY = "peerlab.uitest";

    /** The groups, in the order they run; later groups may use what earlier ones left behind. */
    static List<UiSteps> groups() {
        return List.of(new WorkbenchSteps(), new ExperimentSteps(), new RunsSteps(), new PluginSteps());
    }

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            EModelService models, IWorkbench workbench) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Display display = Display.getCurrent();
        display.asyncExec(() -> {
            Path out = Path.of(dir);
            List<String> results = new ArrayList<>();
            try {
                Files.createDirectories(out);
                UiTest test = new UiTest(display, app, models, out);
                String only = System.getProperty(PROPERTY + ".only", "");
                Set<String> selected = Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
                for (UiSteps group : groups()) {
                    if (!selected.isEmpty() && !selected.contains(group.name())) {
                        continue;
                    }
                    test.log("== " + group.name());
                    try {
                        group.run(test);
                        results.add("PASS " + group.name());
                    } catch (Exception | AssertionError e) {
                        results.add("FAIL " + group.name() + ": " + e.getMessage());
                        StringWriter trace = new StringWriter();
                        e.printStackTrace(new PrintWriter(trace));
                        test.log(trace.toString());
                    }
                }
                Files.write(out.resolve("ui-test-results.txt"), results, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                System.err.println("peerlab ui-test failed: " + e);
            } finally {
                display.asyncExec(workbench::close);
            }
        });
    }
}
