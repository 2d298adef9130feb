package org.peerlab.cli.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Equinox application {@code org.peerlab.cli.headless}: runs one command and returns its
 * exit code, which the launcher passes to the process.
 */
public class HeadlessApplication implements IApplication {

    private static final long SERVICE_WAIT_MILLIS = 20_000;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw == null ? List.of() : Arrays.asList(raw);
        context.applicationRunning();
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        BundleContext bc = bundle.getBundleContext();
        ServiceTracker<CommandCatalog, CommandCatalog> tracker = new ServiceTracker<>(bc, CommandCatalog.class, null);
        tracker.open();
        try {
            CommandCatalog catalog = tracker.waitForService(SERVICE_WAIT_MILLIS);
            if (catalog == null) {
                System.err.println("peerlab: the command catalog did not start within " + SERVICE_WAIT_MILLIS / 1000
                        + " s; is the Service Component Runtime (org.apache.felix.scr) installed and started?");
                return 1;
            }
            String version = bundle.getVersion().toString();
            int code = new CommandDispatcher(catalog.commands(), version).dispatch(args, System.out, System.err);
            System.out.flush();
            return code;
        } finally {
            tracker.close();
        }
    }

    @Override
    public void stop() {
        // Commands run to completion on the launcher thread; nothing to interrupt here.
    }
}
