package org.peerlab.ui.internal.uitest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.peerlab.ui.internal.StrategiesPart;

/**
 * Install and Uninstall in the Strategies view: installs the example plugin from
 * {@code -Dpeerlab.uitest.plugin=PATH}, waits for its strategy to be listed, uninstalls it and
 * waits for it to go.
 */
final class PluginSteps implements UiSteps {

    static final String STRATEGY = "aead/aes-256-ctr-hmac-sha256";

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public void run(UiTest test) throws Exception {
        Path source = Path.of(test.property("peerlab.uitest.plugin"));
        test.check(Files.exists(source), "no example plugin at " + source + " (build examples/org.peerlab.example.repository first)");
        StrategiesPart strategies = test.part("org.peerlab.ui.part.strategies", StrategiesPart.class);
        test.waitUntil("the Strategies view lists strategies", Duration.ofSeconds(30), () -> !strategies.shownStrategies().isEmpty());
        if (strategies.shownStrategies().contains(STRATEGY)) {
            test.log("plugins: " + STRATEGY + " is installed from an earlier run; uninstalling it first");
            strategies.uninstall("aead", "aes-256-ctr-hmac-sha256");
            test.waitUntil(STRATEGY + " is gone before the test", Duration.ofSeconds(60), () -> !strategies.shownStrategies().contains(STRATEGY));
        }
        strategies.install(source);
        test.waitUntil("the Strategies view lists " + STRATEGY, Duration.ofSeconds(60), () -> strategies.shownStrategies().contains(STRATEGY));
        test.screenshot("strategies-plugin-installed");
        strategies.uninstall("aead", "aes-256-ctr-hmac-sha256");
        test.waitUntil(STRATEGY + " disappears from the Strategies view", Duration.ofSeconds(60),
                () -> !strategies.shownStrategies().contains(STRATEGY));
        test.screenshot("strategies-plugin-uninstalled");
    }
}
