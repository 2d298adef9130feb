package org.peerlab.ui.internal.uitest;

import java.time.Duration;

import org.peerlab.ui.internal.StrategiesPart;

/** The workbench came up and its Strategies view lists installed strategies. */
final class WorkbenchSteps implements UiSteps {

    @Override
    public String name() {
        return "workbench";
    }

    @Override
    public void run(UiTest test) {
        StrategiesPart strategies = test.part("org.peerlab.ui.part.strategies", StrategiesPart.class);
        test.waitUntil("the Strategies view lists strategies", Duration.ofSeconds(30),
                () -> !strategies.shownStrategies().isEmpty());
        test.screenshot("workbench");
    }
}
