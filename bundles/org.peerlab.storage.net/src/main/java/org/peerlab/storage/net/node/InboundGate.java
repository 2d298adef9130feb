package org.peerlab.storage.net.node;

import java.util.function.BooleanSupplier;

/**
 * Counts the bytes one connection has received that the node thread has not processed yet. The
 * transport thread waits at the gate while there are more than the limit: the transport cannot
 * pause one connection's reads, so holding its thread lets TCP flow control push back on the
 * sender instead of queued frames growing without bound. Thread-safe.
 */
final class InboundGate {

    private final long limit;
    private long pending;

    InboundGate(long limit) {
        this.limit = limit;
    }

    /** A frame of {@code bytes} was queued for the node thread. */
    synchronized void queued(int bytes) {
        pending += bytes;
    }

    /** The node thread is done with a frame of {@code bytes}. */
    synchronized void processed(int bytes) {
        pending -= bytes;
        notifyAll();
    }

    /** Waits while more than the limit is pending, until {@code stop} is true or the thread is interrupted. */
    synchronized void awaitRoom(BooleanSupplier stop) {
        while (pending > limit && !stop.getAsBoolean()) {
            try {
                wait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
