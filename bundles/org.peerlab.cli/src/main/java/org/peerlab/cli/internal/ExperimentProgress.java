package org.peerlab.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.peerlab.experiment.results.RunResult;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.Progress;

/**
 * Progress of {@code peerlab experiment run} on stderr: on a terminal ({@code -Dpeerlab.tty=true},
 * set by the start script) a bar redrawn in place at most 10 times a second; otherwise a plain
 * line every 10% or 5 seconds. Failed runs are printed as they happen. Reads the wall clock:
 * adapters may.
 */
final class ExperimentProgress implements ExperimentListener {

    private final PrintStream err;
    private final boolean tty;
    private final long started = System.nanoTime();
    private long lastPrint;
    private int lastDecile = -1;
    private boolean drawn;

    ExperimentProgress(PrintStream err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    @Override
    public void failed(RunResult run, Throwable error) {
        interrupt();
        err.println("run failed: point " + run.pointIndex() + ", replication " + run.replication() + ": " + run.failure());
    }

    @Override
    public void progress(Progress p, RunResult run) {
        long now = System.nanoTime();
        boolean end = p.done() == p.total();
        double elapsed = (now - started) / 1e9;
        double eta = p.done() == 0 ? Double.NaN : elapsed / p.done() * (p.total() - p.done());
        int percent = (int) (p.fraction() * 100);
        String failed = p.failed() > 0 ? ", " + p.failed() + " failed" : "";
        if (tty) {
            if (!end && now - lastPrint < 100_000_000L) {
                return;
            }
            int width = 30;
            int fill = (int) (p.fraction() * width);
            err.printf(Locale.ROOT, "\rexperiment [%s%s] %3d%% %d/%d runs%s  %s elapsed, ETA %s  %s ", "#".repeat(fill), " ".repeat(width - fill),
                    percent, p.done(), p.total(), failed, clock(elapsed), clock(eta), shorten(p.pointLabel()));
            drawn = true;
            if (end) {
                interrupt();
            }
        } else {
            int decile = percent / 10;
            if (decile == lastDecile && now - lastPrint < 5_000_000_000L && !end) {
                return;
            }
            lastDecile = decile;
            err.printf(Locale.ROOT, "experiment %d%%: %d/%d runs%s, %s elapsed, ETA %s%n", percent, p.done(), p.total(), failed, clock(elapsed),
                    clock(eta));
        }
        lastPrint = now;
    }

    /** Ends a half-drawn bar so that the next message starts on its own line. */
    void interrupt() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    private static String shorten(String label) {
        return label.length() <= 40 ? label : label.substring(0, 37) + "...";
    }

    static String clock(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
