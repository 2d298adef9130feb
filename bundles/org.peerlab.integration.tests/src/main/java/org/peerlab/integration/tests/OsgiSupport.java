package org.peerlab.integration.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.peerlab.cli.api.Command;

/** Service lookups and polling for the integration tests. */
final class OsgiSupport {

    private OsgiSupport() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(OsgiSupport.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T service = tracker.waitForService(20_000);
        if (service == null) {
            throw new AssertionError(type.getName() + " service did not appear within 20 s");
        }
        return service;
    }

    /** Runs a {@code peerlab} command through its OSGi service, as the headless application does. */
    static String runCommand(String name, String... args) throws Exception {
        for (ServiceReference<Command> ref : context().getServiceReferences(Command.class, null)) {
            Command c = context().getService(ref);
            if (c.name().equals(name)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                if (code != 0) {
                    throw new AssertionError("peerlab " + name + " exited " + code + ": " + err.toString(StandardCharsets.UTF_8));
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no command service named " + name);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 10 s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

}
