package org.peerlab.ui.internal.errors;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;

/**
 * The entries the Error Log view shows: what the platform log received since the workbench
 * started, newest last, at most {@value #CAPACITY}. Fed as an {@link ILogListener}.
 * Thread-safe: the log may be written from any thread; listeners are called on that thread.
 */
public final class ErrorLogBook implements ILogListener {

    static final int CAPACITY = 500;

    /** One logged status. */
    public record Entry(Instant time, int severity, String plugin, String message, Throwable exception) {
        /** @return Error, Warning, Info or OK */
        public String severityText() {
            return switch (severity) {
                case IStatus.ERROR -> "Error";
                case IStatus.WARNING -> "Warning";
                case IStatus.INFO -> "Info";
                case IStatus.CANCEL -> "Cancel";
                default -> "OK";
            };
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void logging(IStatus status, String plugin) {
        add(new Entry(Instant.now(), status.getSeverity(), status.getPlugin() == null ? plugin : status.getPlugin(), status.getMessage(),
                status.getException()));
    }

    /** Adds an entry and tells the listeners. */
    public void add(Entry e) {
        synchronized (entries) {
            entries.addLast(e);
            while (entries.size() > CAPACITY) {
                entries.removeFirst();
            }
        }
        listeners.forEach(l -> l.accept(e));
    }

    /** @return a copy of the entries, oldest first */
    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    /** Forgets every entry. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** @return a handle that stops {@code listener} hearing of new entries */
    public AutoCloseable listen(Consumer<Entry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
