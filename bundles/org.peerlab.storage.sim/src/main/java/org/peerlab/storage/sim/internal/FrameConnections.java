package org.peerlab.storage.sim.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

/**
 * Numbers the simulated connections of one party and turns their handler calls into the
 * (connection number, frame) events the sans-I/O cores take, so a core's {@code send(conn,
 * frame)} and {@code close(conn)} find their connection again. Simulation thread only.
 */
final class FrameConnections {

    /** What happens on one connection, by number. */
    interface Events {
        void opened(long id);

        void frame(long id, byte[] frame);

        void closed(long id, Throwable cause);
    }

    private final Map<Long, Connection> open = new HashMap<>();
    private long next = 1;
    long bytesSent;

    /** @return a handler for a new connection, reporting to {@code events} under a fresh number */
    ConnectionHandler handler(Events events) {
        long id = next++;
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection connection) {
                open.put(id, connection);
                events.opened(id);
            }

            @Override
            public void onFrame(Connection connection, ByteBuffer frame) {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                events.frame(id, bytes);
            }

            @Override
            public void onWritable(Connection connection) {
                // frames are small and the stream buffers them; nothing waits on the water marks
            }

            @Override
            public void onClosed(Connection connection, Throwable cause) {
                open.remove(id);
                events.closed(id, cause);
            }
        };
    }

    /** Sends a frame if the connection is still open; @return whether it was handed to the stream */
    boolean send(long id, byte[] frame) {
        Connection c = open.get(id);
        if (c == null || !c.isOpen()) {
            return false;
        }
        c.send(ByteBuffer.wrap(frame));
        bytesSent += frame.length;
        return true;
    }

    /** Closes a connection; its handler hears {@code closed} later. */
    void close(long id) {
        Connection c = open.get(id);
        if (c != null) {
            c.close();
        }
    }

    /** Forgets every connection without closing it (the host crashed: they are gone already). */
    void forgetAll() {
        open.clear();
    }

    int size() {
        return open.size();
    }
}
