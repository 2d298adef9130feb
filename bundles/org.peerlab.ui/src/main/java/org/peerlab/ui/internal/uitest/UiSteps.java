package org.peerlab.ui.internal.uitest;

/**
 * One group of UI test steps: drives the real workbench through its parts' own methods and
 * widgets, the way a user's clicks would, and checks what the parts then show. Runs on the UI
 * thread; {@link UiTest#waitUntil} keeps the event loop turning while it waits.
 */
public interface UiSteps {

    /** @return a short name for the result file ({@code PASS name} or {@code FAIL name: why}) */
    String name();

    /** Runs the steps; any exception or {@link AssertionError} fails this group. */
    void run(UiTest test) throws Exception;
}
