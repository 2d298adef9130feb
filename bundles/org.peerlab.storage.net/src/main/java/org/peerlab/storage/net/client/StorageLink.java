package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * One client connection to the coordinator or a storage node, for a thread that may block (never
 * the transport's event loop). Everything that arrives (messages, a garbled frame, the end of
 * the connection) is posted to an {@link Arrival} queue, which several links may share so that
 * one thread waits on all of them. Sends block while the connection's send buffer is above its
 * high-water mark, which bounds the memory an upload holds per connection.
 */
final class StorageLink {

    /** Something from a link: a message, or (message null) the reason it is no longer usable. */
    record Arrival(StorageLink link, StorageMessage message, String failure) {
    }

    /** Bytes buffered per connection before a send waits: about one piece of a default segment. */
    static final long HIGH_WATER = 512 << 10;
    private static final long LOW_WATER = 128 << 10;
    /** How long a send may wait for the peer to take data before the link counts as stalled. */
    static final long STALL_MILLIS = 120_000;

    private final String label;
    private final BlockingQueue<Arrival> inbox;
    private final CompletableFuture<Connection> opened = new CompletableFuture<>();
    private final Object lock = new Object();
    private boolean paused;
    private volatile String failure;
    private ByteBuffer dataFrame = ByteBuffer.allocate(0);

    private StorageLink(String label, BlockingQueue<Arrival> inbox) {
        this.label = label;
        this.inbox = inbox;
    }

    /** @return the transport parameters of client links: storage frames, a small send buffer */
    static Parameters parameters(Transport tcp, long connectTimeoutMillis) {
        return tcp.descriptor().bind(Map.of("max-frame", Integer.toString(StorageCodec.MAX_FRAME), "high-water", Long.toString(HIGH_WATER),
                "low-water", Long.toString(LOW_WATER), "connect-timeout-ms", Long.toString(connectTimeoutMillis)));
    }

    /**
     * Starts connecting; {@link #awaitOpen} waits for the outcome.
     *
     * @param label names the peer in messages, e.g. {@code storage node 3fa1... at 10.0.0.2:4000}
     */
    static StorageLink connect(Transport tcp, Parameters parameters, String address, String label, BlockingQueue<Arrival> inbox) {
        StorageLink link = new StorageLink(label, inbox);
        tcp.connect(address, parameters, link.handler());
        return link;
    }

    /** @throws IOException naming the peer and the cause if it could not be reached in time */
    void awaitOpen(long timeoutMillis) throws IOException {
        try {
            opened.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot reach the " + label + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IOException("cannot reach the " + label + ": no connection within " + timeoutMillis / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the " + label);
        }
    }

    /** @return whether the connection opened (without waiting) */
    boolean isOpen() {
        return opened.isDone() && !opened.isCompletedExceptionally() && failure == null;
    }

    String label() {
        return label;
    }

    /** @return why the link is no longer usable, or null */
    String failure() {
        return failure;
    }

    /** Sends one message, waiting while the send buffer is full. */
    void send(StorageMessage m) throws IOException {
        sendFrame(ByteBuffer.wrap(StorageCodec.encode(m)));
    }

    /**
     * Sends {@code length} bytes of {@code bytes} as one STORE_DATA message, built straight into a
     * reused buffer (the codec's form of {@link StorageMessage.StoreData}: the type byte, then the
     * bytes). Called by one thread at a time.
     */
    void sendStoreData(byte[] bytes, int offset, int length) throws IOException {
        if (length > StorageCodec.MAX_DATA) {
            throw new IllegalArgumentException("STORE_DATA of " + length + " bytes exceeds " + StorageCodec.MAX_DATA);
        }
        if (dataFrame.capacity() < length + 1) {
            dataFrame = ByteBuffer.allocate(length + 1);
        }
        sendFrame(storeData(dataFrame, bytes, offset, length));
    }

    /** @return {@code into}, cleared and filled with the codec's form of STORE_DATA of those bytes, ready to send */
    static ByteBuffer storeData(ByteBuffer into, byte[] bytes, int offset, int length) {
        into.clear();
        into.put((byte) StorageMessage.Type.STORE_DATA.code()).put(bytes, offset, length).flip();
        return into;
    }

    /**
     * Decodes one received frame; DATA (the type byte, then the bytes) with a single copy.
     *
     * @throws ProtocolException as {@link StorageCodec#decode}
     */
    static StorageMessage decode(ByteBuffer frame) throws ProtocolException {
        if (frame.remaining() > 0 && frame.remaining() <= StorageCodec.MAX_DATA + 1
                && frame.get(frame.position()) == StorageMessage.Type.DATA.code()) {
            byte[] data = new byte[frame.remaining() - 1];
            frame.get(frame.position() + 1, data);
            return new StorageMessage.Data(data);
        }
        byte[] bytes = new byte[frame.remaining()];
        frame.get(frame.position(), bytes);
        return StorageCodec.decode(bytes);
    }

    private void sendFrame(ByteBuffer frame) throws IOException {
        Connection c = connection();
        long deadline = System.nanoTime() + STALL_MILLIS * 1_000_000L;
        synchronized (lock) {
            while (paused && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("the " + label + " took no data for " + STALL_MILLIS / 1000 + " s");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while sending to the " + label);
                }
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            try {
                paused = !c.send(frame);
            } catch (IllegalStateException e) {
                throw new IOException("the connection to the " + label + " is closed");
            }
        }
    }

    private Connection connection() throws IOException {
        if (!opened.isDone() || opened.isCompletedExceptionally()) {
            throw new IOException("the " + label + " is not connected");
        }
        return opened.join();
    }

    /** Closes the connection (what was sent may still arrive first). Idempotent. */
    void close() {
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
                try {
                    inbox.add(new Arrival(StorageLink.this, decode(frame), null));
                } catch (ProtocolException e) {
                    fail("the " + label + " sent a malformed message: " + e.getMessage());
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
                fail("the " + label + " closed the connection" + (cause == null ? "" : ": " + cause.getMessage()));
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
        inbox.add(new Arrival(this, null, why));
    }
}
