package org.peerlab.transfer.rendezvous;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.protocol.rendezvous.RendezvousCore;
import org.peerlab.protocol.rendezvous.Rv;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * Serves {@link RendezvousCore} on a transport. Frames above {@value Rv#MAX_MESSAGE} bytes close
 * the offending connection in the transport itself; a client that stops reading its replies
 * (more than {@value #MAX_BACKLOG} bytes queued) is disconnected; everyone else is unaffected.
 */
public final class RendezvousServer implements AutoCloseable {

    static final long MAX_BACKLOG = 256 * 1024;

    /** What the server reports as it runs (for the command's log). */
    public interface Log {
        void line(String text);
    }

    private final RendezvousCore core;
    private final Map<Long, Connection> connections = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Listener listener;
    private final Log log;

    private RendezvousServer(Transport transport, String address, RendezvousCore.Limits limits, Log log) throws IOException {
        this.log = log;
        this.core = new RendezvousCore(new RendezvousCore.Output() {
            @Override
            public void send(long client, byte[] message) {
                Connection c = connections.get(client);
                if (c != null && c.isOpen()) {
                    if (c.bufferedBytes() > MAX_BACKLOG) {
                        log.line("client " + client + " (" + c.remoteAddress() + ") does not read its replies: disconnected");
                        c.close();
                        return;
                    }
                    c.send(ByteBuffer.wrap(message));
                }
            }

            @Override
            public void close(long client, String why) {
                Connection c = connections.get(client);
                if (c != null) {
                    log.line("client " + client + " (" + c.remoteAddress() + ") disconnected: " + why);
                    c.close();
                }
            }
        }, limits, new SecureRandom());
        Parameters p = transport.descriptor().bind(Map.of("max-frame", Integer.toString(Rv.MAX_MESSAGE), "high-water", "65536", "low-water", "16384"));
        this.listener = transport.listen(address, p, this::handler);
    }

    /** Listens at {@code address} (for tcp {@code host:port}; port 0 picks one). */
    public static RendezvousServer start(Transport transport, String address, RendezvousCore.Limits limits, Log log) throws IOException {
        return new RendezvousServer(transport, address, limits, log);
    }

    /** @return the address clients connect to */
    public String address() {
        return listener.address();
    }

    /** @return clients disconnected for breaking a rule so far */
    public synchronized long rejected() {
        return core.rejected();
    }

    private ConnectionHandler handler() {
        long id = ids.incrementAndGet();
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                synchronized (RendezvousServer.this) {
                    connections.put(id, c);
                    core.connected(id, System.nanoTime());
                }
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                byte[] m = new byte[frame.remaining()];
                frame.get(m);
                synchronized (RendezvousServer.this) {
                    core.received(id, m, System.nanoTime());
                }
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                synchronized (RendezvousServer.this) {
                    connections.remove(id);
                    core.disconnected(id);
                }
                if (cause != null) {
                    log.line("client " + id + " (" + c.remoteAddress() + ") closed: " + cause.getMessage());
                }
            }
        };
    }

    @Override
    public void close() {
        listener.close();
        synchronized (this) {
            connections.values().forEach(Connection::close);
        }
    }
}
