package org.peerlab.ui.internal.errors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * How the workbench reports a failure: it goes to the platform log (so the Error Log view shows it)
 * and, when a shell is given, to a dialog that names the cause chain. Use it for every failure a
 * user should hear of; never swallow one.
 *
 * <p>Thread-safety: callable from any thread; the dialog is opened on the UI thread
 * ({@code asyncExec} when called from elsewhere).
 *
 * <p>Under the UI test driver ({@code -Dpeerlab.uitest}) the dialog does not block: the test
 * steps run on the UI thread and would otherwise wait in the dialog's event loop until killed.
 * The dialog is still shown, titled as given, for a test to find, check and close.
 */
public final class Errors {

    static final String PLUGIN = "org.peerlab.ui";

    private Errors() {
    }

    /** Logs {@code failure} under {@code title} and shows it in an error dialog over {@code shell}. */
    public static void show(Shell shell, String title, Throwable failure) {
        IStatus status = status(title, failure);
        log(status);
        Display display = shell != null && !shell.isDisposed() ? shell.getDisplay() : Display.getDefault();
        Runnable open = () -> {
            Shell parent = shell != null && !shell.isDisposed() ? shell : display.getActiveShell();
            ErrorDialog dialog = new ErrorDialog(parent, title, message(failure), status,
                    IStatus.OK | IStatus.INFO | IStatus.WARNING | IStatus.ERROR);
            dialog.setBlockOnOpen(System.getProperty("peerlab.uitest", "").isBlank());
            dialog.open();
        };
        if (Display.getCurrent() == display) {
            open.run();
        } else if (!display.isDisposed()) {
            display.asyncExec(open);
        }
    }

    /** Logs a failure without a dialog (background work whose owner has gone, for example). */
    public static void log(String title, Throwable failure) {
        log(status(title, failure));
    }

    private static void log(IStatus status) {
        try {
            ILog.of(Errors.class).log(status);
        } catch (RuntimeException | LinkageError e) {
            // Outside OSGi (plain unit tests) there is no platform log: say it on standard error.
            System.err.println(status.getMessage());
        }
    }

    /**
     * @return an error status whose message is {@code title: cause}, with one child per link of the
     *         cause chain, so dialog details and the log show every reason
     */
    public static IStatus status(String title, Throwable failure) {
        List<String> chain = causes(failure);
        MultiStatus status = new MultiStatus(PLUGIN, IStatus.ERROR, title + ": " + message(failure), failure);
        for (String cause : chain) {
            status.add(new Status(IStatus.ERROR, PLUGIN, cause));
        }
        return status;
    }

    /** @return the failure's own message, or its class name when it has none */
    public static String message(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m;
    }

    /** @return each link of the cause chain as "Class: message", outermost first, without repeats */
    public static List<String> causes(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> lines = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            lines.add(t.getClass().getSimpleName() + ": " + message(t));
        }
        return new ArrayList<>(lines);
    }
}
