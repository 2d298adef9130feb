package org.peerlab.ui.internal;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.peerlab.plugins.InstalledPlugin;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.PluginManager;
import org.peerlab.ui.internal.errors.Errors;

/**
 * The Strategies view's Install and Uninstall: calls the {@link PluginManager} service in a
 * background job (it blocks while the framework resolves and refreshes), reports failures with
 * their cause in a dialog and the Error Log. The view itself follows the registry, so installed
 * strategies appear and removed ones go without being told here.
 */
final class StrategyPlugins implements AutoCloseable {

    private final ServiceTracker<PluginManager, PluginManager> tracker;
    private final Display display;

    StrategyPlugins(Display display) {
        this.display = display;
        BundleContext bc = FrameworkUtil.getBundle(StrategyPlugins.class).getBundleContext();
        tracker = new ServiceTracker<>(bc, PluginManager.class, null);
        tracker.open();
    }

    /** Installs the plugin at {@code source}; {@code done} hears of the result on the UI thread. */
    Job install(Shell shell, Path source, Consumer<String> done) {
        return run(shell, "Installing plugin from " + source, "Cannot install the plugin from " + source, pm -> {
            InstalledPlugin p = pm.install(source);
            return "Installed " + p.name() + " " + p.version() + ": " + String.join(", ", p.strategies());
        }, done);
    }

    /** Uninstalls the plugin that provides {@code family/strategy}. */
    Job uninstall(Shell shell, String family, String strategy, Consumer<String> done) {
        return run(shell, "Uninstalling the plugin of " + family + "/" + strategy, "Cannot uninstall " + family + "/" + strategy, pm -> {
            String name = pm.providerOf(family, strategy).orElseThrow(() -> new PluginException(
                    family + "/" + strategy + " is part of PeerLab itself, not of a plugin; only plugins can be uninstalled"));
            pm.uninstall(name);
            return "Uninstalled " + name;
        }, done);
    }

    private interface Action {
        String apply(PluginManager pm) throws PluginException;
    }

    private Job run(Shell shell, String name, String failure, Action action, Consumer<String> done) {
        Job job = Job.create(name, monitor -> {
            PluginManager pm = tracker.getService();
            try {
                if (pm == null) {
                    throw new PluginException("the plugin manager service (bundle org.peerlab.plugins) is not running");
                }
                String message = action.apply(pm);
                display.asyncExec(() -> done.accept(message));
            } catch (PluginException | RuntimeException e) {
                Errors.show(shell, failure, e);
                display.asyncExec(() -> done.accept(failure + ": " + Errors.message(e)));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
