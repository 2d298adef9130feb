package org.peerlab.ui.internal.jobs;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;

/**
 * Runs an action on the UI thread soon after it is {@link #request requested}, coalescing
 * requests: however often background threads ask, the action runs at most once per
 * {@code minIntervalMillis}, and always once after the last request. Thread-safe.
 */
public final class UiThrottle {

    private final Display display;
    private final int minIntervalMillis;
    private final Runnable action;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastRunNanos;

    /**
     * @param display           whose thread runs the action
     * @param minIntervalMillis shortest time between two runs, at least 0
     * @param action            what to run (on the UI thread; it should check its widgets are not disposed)
     */
    public UiThrottle(Display display, int minIntervalMillis, Runnable action) {
        if (minIntervalMillis < 0) {
            throw new IllegalArgumentException("interval must be >= 0 ms, got " + minIntervalMillis);
        }
        this.display = display;
        this.minIntervalMillis = minIntervalMillis;
        this.action = action;
    }

    /** Asks for the action to run; callable from any thread, a no-op once the display is gone. */
    public void request() {
        if (!pending.compareAndSet(false, true) || display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                long wait = Math.max(0, minIntervalMillis - (System.nanoTime() - lastRunNanos) / 1_000_000);
                display.timerExec((int) wait, this::runNow);
            });
        } catch (org.eclipse.swt.SWTException e) {
            // the display was disposed between the check and the call: nothing left to update
        }
    }

    private void runNow() {
        pending.set(false); // a request arriving while the action runs schedules one more run
        lastRunNanos = System.nanoTime();
        action.run();
    }
}
