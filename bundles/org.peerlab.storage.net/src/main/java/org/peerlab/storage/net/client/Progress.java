package org.peerlab.storage.net.client;

import java.io.PrintStream;
import java.util.Locale;

import org.peerlab.storage.net.config.Quantities;

/**
 * Progress of a put or get on stderr. On a terminal (the {@code peerlab} script sets
 * {@code -Dpeerlab.tty=true} when stderr is one) a line redrawn in place at most 4 times a
 * second: percentage, bytes, MB/s (10^6 bytes per second) and time left. Elsewhere (logs,
 * scripts) nothing until the end. Either way one summary line at the end. Thread-safe.
 */
final class Progress implements StorageClient.Listener {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final String verb;
    private final boolean tty;
    private final long started = System.nanoTime();
    private long last = started - REDRAW_NANOS;
    private long done;
    private boolean drawn;

    Progress(PrintStream err, String verb) {
        this(err, verb, Boolean.getBoolean("peerlab.tty"));
    }

    Progress(PrintStream err, String verb, boolean tty) {
        this.err = err;
        this.verb = verb;
        this.tty = tty;
    }

    @Override
    public synchronized void progress(long doneBytes, long total) {
        done = doneBytes;
        long now = System.nanoTime();
        if (!tty || (now - last < REDRAW_NANOS && doneBytes < total)) {
            return;
        }
        last = now;
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? doneBytes / seconds : 0;
        int percent = total == 0 ? 100 : (int) (doneBytes * 100 / total);
        err.printf(Locale.ROOT, "\r%s %3d%%  %s of %s  %.1f MB/s  ETA %s   ", verb, percent, Quantities.formatSize(doneBytes),
                Quantities.formatSize(total), rate / 1e6, eta(total - doneBytes, rate));
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void note(String line) {
        interrupt();
        err.println(line);
    }

    /** Ends a half-drawn line so that the next message starts on its own line. */
    synchronized void interrupt() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    /** Prints the summary: bytes, seconds and MB/s since this progress was made. */
    synchronized void finish(String what) {
        interrupt();
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "%s %s: %s in %.1f s, %.1f MB/s%n", verb, what, Quantities.formatSize(done), seconds,
                seconds > 0 ? done / seconds / 1e6 : 0.0);
    }

    private static String eta(long left, double rate) {
        if (left <= 0) {
            return "0:00";
        }
        if (rate <= 0) {
            return "--:--";
        }
        long s = (long) (left / rate);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
