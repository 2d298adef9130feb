package org.peerlab.transport.api;

import java.nio.ByteBuffer;

/**
 * A bidirectional, ordered, reliable frame channel. Frames arrive whole and in order.
 * Methods may be called from any thread.
 */
public interface Connection {

    /** @return this end's address */
    String localAddress();

    /** @return the peer's address */
    String remoteAddress();

    /** @return the largest frame, in bytes, {@link #send} accepts */
    int maxFrameSize();

    /**
     * Queues one frame (its remaining bytes are copied; the buffer may be reused at once).
     * Never blocks.
     *
     * @return {@code true} while the send buffer is below its high-water mark; {@code false}
     *         asks the caller to pause until {@link ConnectionHandler#onWritable}
     * @throws IllegalArgumentException if the frame is larger than {@link #maxFrameSize()}
     * @throws IllegalStateException    if the connection is closed
     */
    boolean send(ByteBuffer frame);

    /** @return bytes queued but not yet taken by the peer */
    long bufferedBytes();

    /** @return whether the connection can still send */
    boolean isOpen();

    /** Closes both directions; frames already sent may still reach the peer first. Idempotent. */
    void close();
}
