package org.peerlab.ui.internal.uitest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * What UI test steps work with: the running workbench's model and services, an output folder for
 * screenshots and files, waiting that keeps the event loop turning, and a log.
 */
public final class UiTest {

    private final Display display;
    private final MApplication app;
    private final EModelService models;
    private final Path out;

    UiTest(Display display, MApplication app, EModelService models, Path out) {
        this.display = display;
        this.app = app;
        this.models = models;
        this.out = out;
    }

    public Display display() {
        return display;
    }

    public MApplication app() {
        return app;
    }

    public EModelService models() {
        return models;
    }

    /** @return the main window's context (for services such as {@link EPartService}) */
    public IEclipseContext context() {
        MWindow window = (MWindow) models.find("org.peerlab.ui.window.main", app);
        return window.getContext();
    }

    /** @return the folder this test writes screenshots and files into */
    public Path out() {
        return out;
    }

    /** @return a system property the test was started with, or fails the step when it is missing */
    public String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("the UI test needs -D" + name);
        }
        return value;
    }

    /**
     * Shows the part with {@code partId} (activating it as a click on its tab would) and returns
     * its implementation object.
     */
    public <T> T part(String partId, Class<T> type) {
        EPartService parts = context().get(EPartService.class);
        MPart part = parts.showPart(partId, PartState.ACTIVATE);
        if (part == null) {
            throw new AssertionError("no part " + partId + " in the workbench model");
        }
        pump(Duration.ofMillis(100));
        Object object = part.getObject();
        if (!type.isInstance(object)) {
            throw new AssertionError("part " + partId + " is " + object + ", not a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    /** Turns the event loop for {@code time}. */
    public void pump(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                sleepBriefly();
            }
        }
    }

    /** Turns the event loop until {@code condition} holds; fails with {@code what} after {@code timeout}. */
    public void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            if (!display.readAndDispatch()) {
                sleepBriefly();
            }
        }
    }

    /** Fails the step with {@code message} unless {@code condition} holds. */
    public void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Appends a line to {@code ui-test.log} in the output folder (and standard error). */
    public void log(String line) {
        System.err.println("ui-test: " + line);
        try {
            Files.writeString(out.resolve("ui-test.log"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("ui-test: cannot write the log: " + e.getMessage());
        }
    }

    /** Saves a picture of the main window as {@code name.png} in the output folder. */
    public Path screenshot(String name) {
        MWindow window = (MWindow) models.find("org.peerlab.ui.window.main", app);
        if (!(window.getWidget() instanceof Shell shell)) {
            throw new AssertionError("the main window has no shell");
        }
        return screenshot(shell, name);
    }

    /** Saves a picture of {@code shell} as {@code name.png} in the output folder. */
    public Path screenshot(Shell shell, String name) {
        shell.layout(true, true);
        pump(Duration.ofMillis(300)); // pending layout and paint events first
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(image);
        try {
            // Control.print renders the widgets themselves, so it works without a compositor.
            if (!shell.print(gc)) {
                throw new AssertionError("this SWT cannot print the window into an image");
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path file = out.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            log("screenshot " + file.getFileName());
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
