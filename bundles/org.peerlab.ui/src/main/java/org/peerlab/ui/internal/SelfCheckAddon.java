package org.peerlab.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Started with {@code -Dpeerlab.selfcheck=DIR} (what {@code ./peerlab --self-check DIR} does),
 * the workbench checks itself once it is up: it waits until the Strategies view shows
 * strategies, writes the rows the tree widget displays to {@code DIR/strategies-view.txt} and a
 * screenshot of the window to {@code DIR/workbench.png}; then runs Help > About through the
 * command service, writes the dialog's bundle table to {@code DIR/about.txt} and its picture to
 * {@code DIR/about.png}, and closes the workbench. Without the property it does nothing.
 */
public class SelfCheckAddon {

    static final String PROPERTY = "peerlab.selfcheck";
    private static final String ABOUT_COMMAND = "org.peerlab.ui.command.about";
    private static final int POLL_MILLIS = 250;
    private static final int GIVE_UP_MILLIS = 30_000;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            EModelService models, IWorkbench workbench, ECommandService commands, EHandlerService handlers) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Path.of(dir);
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            List<String> rows = shown(app, models);
            if (rows.isEmpty() && System.currentTimeMillis() < deadline) {
                display.timerExec(POLL_MILLIS, poll[0]);
                return;
            }
            // One more cycle so that the final paint of the expanded tree reaches the screen.
            display.timerExec(500, () -> {
                try {
                    Files.createDirectories(out);
                    Files.write(out.resolve("strategies-view.txt"), rows, StandardCharsets.UTF_8);
                    screenshot(mainShell(app, models), out.resolve("workbench.png"));
                    checkAbout(display, out, commands, handlers);
                } catch (IOException | RuntimeException e) {
                    System.err.println("peerlab self-check failed: " + e);
                } finally {
                    display.asyncExec(workbench::close);
                }
            });
        };
        display.timerExec(POLL_MILLIS, poll[0]);
    }

    /** Opens the About dialog as a user would (its command), records it, and closes it. */
    private static void checkAbout(Display display, Path out, ECommandService commands, EHandlerService handlers) {
        Shell main = display.getActiveShell();
        display.timerExec(1000, () -> {
            Shell about = display.getActiveShell();
            if (about == null || about == main) {
                System.err.println("peerlab self-check: the About dialog did not open");
                return;
            }
            try {
                Files.write(out.resolve("about.txt"), tableRows(about), StandardCharsets.UTF_8);
                screenshot(about, out.resolve("about.png"));
            } catch (IOException | RuntimeException e) {
                System.err.println("peerlab self-check: recording the About dialog failed: " + e);
            } finally {
                about.close();
            }
        });
        ParameterizedCommand command = commands.createCommand(ABOUT_COMMAND, null);
        handlers.executeHandler(command); // returns when the dialog closes
    }

    private static List<String> tableRows(Control control) {
        List<String> rows = new ArrayList<>();
        if (control instanceof Table table) {
            for (TableItem item : table.getItems()) {
                rows.add(item.getText(0) + " " + item.getText(1) + " " + item.getText(2));
            }
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                rows.addAll(tableRows(child));
            }
        }
        return rows;
    }

    private static List<String> shown(MApplication app, EModelService models) {
        MWindow window = (MWindow) models.find("org.peerlab.ui.window.main", app);
        MPart part = window == null || window.getContext() == null ? null
                : window.getContext().get(EPartService.class).showPart("org.peerlab.ui.part.strategies", PartState.VISIBLE);
        if (part != null && part.getObject() instanceof StrategiesPart view) {
            return view.shownStrategies();
        }
        return List.of();
    }

    private static Shell mainShell(MApplication app, EModelService models) {
        MWindow window = (MWindow) models.find("org.peerlab.ui.window.main", app);
        if (window == null || !(window.getWidget() instanceof Shell shell)) {
            throw new IllegalStateException("the main window has no shell");
        }
        return shell;
    }

    private static void screenshot(Shell shell, Path file) {
        Display display = shell.getDisplay();
        shell.layout(true, true);
        while (display.readAndDispatch()) {
            // let pending layout and paint events run before the window is drawn into the image
        }
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(image);
        try {
            // Control.print renders the widgets themselves, so it works without a compositor.
            if (!shell.print(gc)) {
                throw new IllegalStateException("this SWT cannot print the window into an image");
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
