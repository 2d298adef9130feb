package org.peerlab.storage.sim.internal;

import java.nio.ByteBuffer;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.sim.net.SimTransport;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

/**
 * One client-side connection of the simulated client or repair worker, speaking storage wire
 * messages: decoded messages go to the {@link Listener}; a connection that fails, closes before
 * {@link #finish} or brings an undecodable frame is reported once through {@link Listener#failed}.
 * Simulation thread only.
 */
final class Conversation {

    /** What a conversation reports. */
    interface Listener {
        void opened(Conversation c);

        void message(Conversation c, StorageMessage m);

        void failed(Conversation c, String why);
    }

    private final String address;
    private final Listener listener;
    private Connection connection;
    private boolean over;
    /** Bytes sent and received on this conversation (frames without stream overhead). */
    long bytesSent;
    long bytesReceived;

    private Conversation(String address, Listener listener) {
        this.address = address;
        this.listener = listener;
    }

    static Conversation open(SimTransport transport, Parameters parameters, String address, Listener listener) {
        Conversation c = new Conversation(address, listener);
        transport.connect(address, parameters, c.handler());
        return c;
    }

    String address() {
        return address;
    }

    void send(StorageMessage m) {
        if (over || connection == null || !connection.isOpen()) {
            return;
        }
        byte[] frame = StorageCodec.encode(m);
        bytesSent += frame.length;
        connection.send(ByteBuffer.wrap(frame));
    }

    /** Ends the conversation normally: no failure is reported from now on. */
    void finish() {
        if (!over) {
            over = true;
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Ends the conversation with a failure (reported to the listener once). */
    void fail(String why) {
        if (!over) {
            over = true;
            if (connection != null) {
                connection.close();
            }
            listener.failed(this, why);
        }
    }

    boolean over() {
        return over;
    }

    private ConnectionHandler handler() {
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                connection = c;
                if (over) {
                    c.close();
                } else {
                    listener.opened(Conversation.this);
                }
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                if (over) {
                    return;
                }
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                bytesReceived += bytes.length;
                StorageMessage m;
                try {
                    m = StorageCodec.decode(bytes);
                } catch (ProtocolException e) {
                    fail(address + " sent a malformed message: " + e.getMessage());
                    return;
                }
                listener.message(Conversation.this, m);
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                if (!over) {
                    over = true;
                    listener.failed(Conversation.this, address + (cause == null ? " closed the connection" : ": " + cause.getMessage()));
                }
            }
        };
    }
}
