package org.peerlab.transport.api;

import java.nio.ByteBuffer;

/**
 * Receives a connection's events. Calls for one connection never overlap and come in order:
 * {@code onOpen}, then any number of {@code onFrame} and {@code onWritable}, then exactly one
 * {@code onClosed}. Handlers must not block: they run on the transport's threads.
 */
public interface ConnectionHandler {

    /** The connection is ready to send. */
    void onOpen(Connection connection);

    /** A whole frame arrived; the buffer is valid only during the call. */
    void onFrame(Connection connection, ByteBuffer frame);

    /** The send buffer fell below its low-water mark after {@link Connection#send} returned false. */
    void onWritable(Connection connection);

    /**
     * The connection ended, or never opened.
     *
     * @param cause why, or {@code null} after an orderly close by either side
     */
    void onClosed(Connection connection, Throwable cause);
}
