package org.peerlab.transport.memory.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

/**
 * One end of an in-memory connection. Frames are copied on send and handed to the peer's
 * handler on the peer's serial executor; the bytes not yet handed over count as buffered.
 */
final class MemoryConnection implements Connection {

    private final String localAddress;
    private final String remoteAddress;
    private final ConnectionHandler handler;
    private final SerialExecutor events;
    private final MemoryLimits limits;
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private MemoryConnection peer;

    MemoryConnection(String localAddress, String remoteAddress, ConnectionHandler handler, Executor pool, MemoryLimits limits) {
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.handler = handler;
        this.events = new SerialExecutor(pool);
        this.limits = limits;
    }

    static void pair(MemoryConnection a, MemoryConnection b) {
        a.peer = b;
        b.peer = a;
    }

    void fireOpen() {
        events.execute(() -> handler.onOpen(this));
    }

    void fireFailed(Throwable cause) {
        closed.set(true);
        events.execute(() -> handler.onClosed(this, cause));
    }

    @Override
    public String localAddress() {
        return localAddress;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public int maxFrameSize() {
        return limits.maxFrame();
    }

    @Override
    public boolean send(ByteBuffer frame) {
        if (closed.get()) {
            throw new IllegalStateException("memory connection " + localAddress + " -> " + remoteAddress + " is closed");
        }
        int length = frame.remaining();
        if (length > limits.maxFrame()) {
            throw new IllegalArgumentException("frame of " + length + " bytes exceeds the maximum of " + limits.maxFrame());
        }
        byte[] copy = new byte[length];
        frame.get(copy);
        long total = buffered.addAndGet(length);
        MemoryConnection target = peer;
        target.events.execute(() -> {
            if (!target.closed.get()) {
                target.handler.onFrame(target, ByteBuffer.wrap(copy).asReadOnlyBuffer());
            }
            delivered(length);
        });
        if (total < limits.highWater()) {
            return true;
        }
        paused.set(true);
        // The peer may have drained everything between our add and setting the flag.
        if (buffered.get() <= limits.lowWater()) {
            resume();
        }
        return false;
    }

    private void delivered(int length) {
        if (buffered.addAndGet(-length) <= limits.lowWater()) {
            resume();
        }
    }

    private void resume() {
        if (paused.compareAndSet(true, false) && !closed.get()) {
            events.execute(() -> handler.onWritable(this));
        }
    }

    @Override
    public long bufferedBytes() {
        return buffered.get();
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            events.execute(() -> handler.onClosed(this, null));
            // behind the frames already queued for the peer, so that they arrive first
            MemoryConnection target = peer;
            target.events.execute(target::closedByPeer);
        }
    }

    /** Runs on this side's event executor, after every frame the peer sent before closing. */
    private void closedByPeer() {
        if (closed.compareAndSet(false, true)) {
            handler.onClosed(this, null);
        }
    }
}
