package org.peerlab.sim.net;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Transport;

/**
 * The application's side of a sim connection: frames in and out of a {@link StreamEndpoint},
 * the send buffer's water marks, and the handler's events. Every method must be called on the
 * simulation thread (unlike other transports, whose connections are thread-safe); handlers are
 * called there too, at the virtual time of the event that causes them, never from inside a call
 * the application made (so handler calls never overlap).
 */
public final class SimConnection implements Connection {

    private final TransportLimits limits;
    private final Transport.HandlerFactory factory;
    private ConnectionHandler handler;
    private StreamEndpoint endpoint;
    private boolean open;
    private boolean closed;
    private boolean paused;

    /** Client side: the handler is known; server side: made by the listener's factory once established. */
    SimConnection(ConnectionHandler handler, Transport.HandlerFactory factory, TransportLimits limits) {
        this.handler = handler;
        this.factory = factory;
        this.limits = limits;
    }

    void attach(StreamEndpoint owner) {
        this.endpoint = owner;
    }

    @Override
    public String localAddress() {
        return endpoint.host.name() + ":" + endpoint.localPort;
    }

    @Override
    public String remoteAddress() {
        return endpoint.peer.name() + ":" + endpoint.peerPort;
    }

    @Override
    public int maxFrameSize() {
        return limits.maxFrame();
    }

    @Override
    public boolean send(ByteBuffer frame) {
        if (!open || closed) {
            throw new IllegalStateException("sim connection " + localAddress() + " -> " + remoteAddress() + (open ? " is closed" : " is not open yet"));
        }
        int length = frame.remaining();
        if (length > limits.maxFrame()) {
            throw new IllegalArgumentException("frame of " + length + " bytes exceeds the maximum of " + limits.maxFrame());
        }
        byte[] copy = new byte[length];
        frame.get(copy);
        endpoint.write(copy);
        if (endpoint.buffered() >= limits.highWater()) {
            paused = true;
            return false;
        }
        return true;
    }

    /** @return stream bytes (frames plus 4-byte length prefixes) written and not yet acknowledged */
    @Override
    public long bufferedBytes() {
        return endpoint.buffered();
    }

    @Override
    public boolean isOpen() {
        return open && !closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ConnectionHandler h = handler;
        if (h != null) {
            endpoint.host.network.simulator().schedule(0, () -> h.onClosed(this, null));
        }
        endpoint.close();
    }

    /** @return what this end has sent so far and its congestion state */
    public StreamStats stats() {
        StreamSender s = endpoint.sender;
        TrafficCounters c = s.counters;
        return new StreamStats(c.packets, c.bytes, c.payloadBytes, c.retransmissions, c.timeouts, c.fastRetransmits, s.window.window(),
                s.rtt.smoothed());
    }

    void opened() {
        if (handler == null) {
            handler = factory.newHandler();
        }
        open = true;
        handler.onOpen(this);
    }

    void deliver(byte[] frame) {
        if (!closed) {
            handler.onFrame(this, ByteBuffer.wrap(frame));
        }
    }

    void acknowledged() {
        if (paused && !closed && endpoint.buffered() <= limits.lowWater()) {
            paused = false;
            handler.onWritable(this);
        }
    }

    /** The peer closed in order, after everything it sent was delivered. */
    void peerClosed() {
        if (!closed) {
            closed = true;
            handler.onClosed(this, null);
        }
    }

    /** The connection broke (or never opened). */
    void ended(IOException cause) {
        if (!closed) {
            closed = true;
            if (handler != null) {
                handler.onClosed(this, cause);
            }
        }
    }

    @Override
    public String toString() {
        return "sim connection " + localAddress() + " -> " + remoteAddress();
    }
}
