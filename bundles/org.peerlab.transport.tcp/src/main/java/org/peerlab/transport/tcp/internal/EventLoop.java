package org.peerlab.transport.tcp.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread that does all socket I/O and runs all handler callbacks of a tcp
 * transport instance, so that a connection's events never overlap. Other threads hand it work
 * with {@link #execute}.
 */
final class EventLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    /** Something registered with the selector. */
    interface Handler {
        /** Called on the loop thread when the key is ready. */
        void ready(SelectionKey key);

        /** Called on the loop thread every pass, to check deadlines; now is System.nanoTime(). */
        default void tick(long now) {
        }
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    EventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread (at once if already there). */
    void execute(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    @Override
    public void run() {
        while (running) {
            try {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.attachment() instanceof Handler h) {
                        h.ready(key);
                    }
                }
                selector.selectedKeys().clear();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                long now = System.nanoTime();
                for (SelectionKey key : selector.keys()) {
                    if (key.isValid() && key.attachment() instanceof Handler h) {
                        h.tick(now);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // One connection's failure must not stop the loop that serves the others.
                LOG.log(System.Logger.Level.ERROR, "tcp event loop", e);
            }
        }
        try {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the tcp selector", e);
        }
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }
}
