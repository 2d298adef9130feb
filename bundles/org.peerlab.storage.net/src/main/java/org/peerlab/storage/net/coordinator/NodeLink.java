package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Transport;

/**
 * The repair worker's connection to one storage node, for a thread that may block (never a
 * transport thread): sends wait while the send buffer is above its high-water mark, replies are
 * taken one at a time with a timeout. Once the connection fails every call throws an
 * {@link IOException} naming the node and the cause.
 */
final class NodeLink implements AutoCloseable {

    private static final long HIGH_WATER = 2 << 20;
    private static final long LOW_WATER = 512 << 10;
    private static final StorageMessage CLOSED = new StorageMessage.Peers(); // end marker in the queue

    private final String label;
    private final CompletableFuture<Connection> opened = new CompletableFuture<>();
    private final LinkedBlockingQueue<StorageMessage> replies = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private boolean paused;
    private volatile String failure;

    private NodeLink(String label) {
        this.label = label;
    }

    /** @return transport parameters for node links: storage frames, a bounded send buffer */
    static Parameters parameters(Transport tcp, long timeoutMillis) {
        return tcp.descriptor().bind(Map.of("max-frame", Integer.toString(StorageCodec.MAX_FRAME), "high-water", Long.toString(HIGH_WATER),
                "low-water", Long.toString(LOW_WATER), "connect-timeout-ms", Long.toString(timeoutMillis)));
    }

    /**
     * Connects and waits until the connection is open.
     *
     * @param label names the node in messages, e.g. {@code node 3fa1... at 10.0.0.2:4000}
     * @throws IOException if it cannot be reached within {@code timeoutMillis}
     */
    static NodeLink open(Transport tcp, String address, String label, long timeoutMillis) throws IOException {
        NodeLink link = new NodeLink(label);
        tcp.connect(address, parameters(tcp, timeoutMillis), link.handler());
        try {
            link.opened.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot reach " + label + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IOException("cannot reach " + label + " within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + label);
        }
        return link;
    }

    String label() {
        return label;
    }

    /** Sends one message, waiting while the send buffer is full (at most {@code timeoutMillis}). */
    void send(StorageMessage m, long timeoutMillis) throws IOException {
        ByteBuffer frame = ByteBuffer.wrap(StorageCodec.encode(m));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (lock) {
            while (paused && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException(label + " took no data for " + timeoutMillis + " ms");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while sending to " + label);
                }
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            try {
                paused = !opened.join().send(frame);
            } catch (IllegalStateException e) {
                throw new IOException("the connection to " + label + " is closed");
            }
        }
    }

    /**
     * @return the next message from the node
     * @throws IOException if none comes within {@code timeoutMillis} or the connection failed
     */
    StorageMessage receive(long timeoutMillis) throws IOException {
        StorageMessage m;
        try {
            m = replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + label);
        }
        if (m == null) {
            throw new IOException("no answer from " + label + " within " + timeoutMillis + " ms");
        }
        if (m == CLOSED) {
            replies.add(CLOSED);
            throw new IOException(failure);
        }
        return m;
    }

    /** @return a message that has already arrived, or null (never waits) */
    StorageMessage poll() throws IOException {
        StorageMessage m = replies.peek();
        if (m == CLOSED) {
            throw new IOException(failure);
        }
        return replies.poll();
    }

    @Override
    public void close() {
        if (opened.isDone() && !opened.isCompletedExceptionally()) {
            opened.join().close();
        }
    }

    private ConnectionHandler handler() {
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                opened.complete(c);
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                try {
                    replies.add(StorageCodec.decode(bytes));
                } catch (ProtocolException e) {
                    fail(label + " sent a malformed message: " + e.getMessage());
                    c.close();
                }
            }

            @Override
            public void onWritable(Connection c) {
                synchronized (lock) {
                    paused = false;
                    lock.notifyAll();
                }
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                if (!opened.isDone()) {
                    opened.completeExceptionally(cause != null ? cause : new IOException("connection refused"));
                }
                fail(label + " closed the connection" + (cause == null ? "" : ": " + cause.getMessage()));
            }
        };
    }

    private void fail(String why) {
        synchronized (lock) {
            if (failure != null) {
                return;
            }
            failure = why;
            lock.notifyAll();
        }
        replies.add(CLOSED);
    }
}
