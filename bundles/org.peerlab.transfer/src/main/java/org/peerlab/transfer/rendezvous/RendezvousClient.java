package org.peerlab.transfer.rendezvous;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.rendezvous.Rv;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Transport;

/**
 * A blocking client of the rendezvous server: one request at a time, each waiting for its reply.
 * Room events (JOINED, LEFT, SIGNALLED) queue up in {@link #events()}.
 */
public final class RendezvousClient implements AutoCloseable {

    /** The server refused a request, or could not be reached. */
    public static final class RendezvousException extends IOException {
        private static final long serialVersionUID = 1L;

        public RendezvousException(String message) {
            super(message);
        }
    }

    /** An unasked message: {@code kind} is joined, left or signal. */
    public record Event(String kind, String room, String member, List<String> candidates, byte[] data) {
    }

    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Duration timeout;
    private final String address;
    private Connection connection;

    private RendezvousClient(String address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    /** Connects, waiting at most {@code timeout}. */
    public static RendezvousClient connect(Transport transport, String address, Duration timeout) throws IOException {
        RendezvousClient client = new RendezvousClient(address, timeout);
        CompletableFuture<Connection> open = new CompletableFuture<>();
        Parameters p = transport.descriptor().bind(Map.of("max-frame", "65536", "connect-timeout-ms", Long.toString(timeout.toMillis())));
        transport.connect(address, p, new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                open.complete(c);
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                byte[] m = new byte[frame.remaining()];
                frame.get(m);
                client.dispatch(m);
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                open.completeExceptionally(new RendezvousException("cannot reach the rendezvous server at " + address
                        + (cause == null ? "" : ": " + cause.getMessage())));
                client.replies.add(new RendezvousException("the rendezvous server at " + address + " closed the connection"
                        + (cause == null ? "" : ": " + cause.getMessage())));
            }
        });
        try {
            client.connection = open.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (TimeoutException e) {
            throw new RendezvousException("no answer from the rendezvous server at " + address + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RendezvousException("interrupted");
        }
        return client;
    }

    private void dispatch(byte[] m) {
        try {
            Rv.Parsed p = Rv.parse(m);
            WireReader r = p.fields();
            switch (p.op()) {
                case Rv.JOINED -> events.add(new Event("joined", r.text("room", 64), r.text("member", 64), r.texts("candidates", 8, 64), null));
                case Rv.LEFT -> events.add(new Event("left", r.text("room", 64), r.text("member", 64), List.of(), null));
                case Rv.SIGNALLED -> events.add(new Event("signal", r.text("room", 64), r.text("from", 64), List.of(), r.bytes16("data", Rv.MAX_SIGNAL)));
                default -> replies.add(p);
            }
        } catch (ProtocolException e) {
            replies.add(new RendezvousException("garbled reply from the rendezvous server: " + e.getMessage()));
        }
    }

    private synchronized WireReader request(byte[] message, int expected) throws IOException {
        if (!connection.isOpen()) {
            throw new RendezvousException("the connection to the rendezvous server at " + address + " is closed");
        }
        connection.send(ByteBuffer.wrap(message));
        Object reply;
        try {
            reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RendezvousException("interrupted");
        }
        if (reply == null) {
            throw new RendezvousException("no reply from the rendezvous server at " + address + " within " + timeout.toSeconds() + " s");
        }
        if (reply instanceof IOException e) {
            throw e;
        }
        Rv.Parsed p = (Rv.Parsed) reply;
        try {
            if (p.op() == Rv.ERROR) {
                throw new RendezvousException(p.fields().text("text", 1024));
            }
            if (p.op() != expected) {
                throw new RendezvousException("unexpected reply " + p.op() + " from the rendezvous server");
            }
        } catch (ProtocolException e) {
            throw new RendezvousException("garbled reply: " + e.getMessage());
        }
        return p.fields();
    }

    /** Holds {@code nameplate} for this client, announcing where it can be reached. */
    public void open(String nameplate, List<String> candidates) throws IOException {
        request(Rv.start(Rv.OPEN).text(nameplate).texts(candidates).toByteArray(), Rv.OK);
    }

    /** @return a nameplate nobody holds right now */
    public String allocate() throws IOException {
        try {
            return request(Rv.start(Rv.ALLOCATE).toByteArray(), Rv.ALLOCATED).text("nameplate", 64);
        } catch (ProtocolException e) {
            throw new RendezvousException(e.getMessage());
        }
    }

    /** @return the candidate addresses announced under {@code nameplate} */
    public List<String> lookup(String nameplate) throws IOException {
        try {
            return request(Rv.start(Rv.LOOKUP).text(nameplate).toByteArray(), Rv.FOUND).texts("candidates", 8, 64);
        } catch (ProtocolException e) {
            throw new RendezvousException(e.getMessage());
        }
    }

    public void release(String nameplate) throws IOException {
        request(Rv.start(Rv.CLOSE).text(nameplate).toByteArray(), Rv.OK);
    }

    /** Joins a room; @return the members already there, with their candidates */
    public Map<String, List<String>> join(String room, String member, List<String> candidates) throws IOException {
        WireReader r = request(Rv.start(Rv.JOIN).text(room).text(member).texts(candidates).toByteArray(), Rv.MEMBERS);
        try {
            r.text("room", 64);
            int n = r.u16("count");
            Map<String, List<String>> members = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                members.put(r.text("member", 64), new ArrayList<>(r.texts("candidates", 8, 64)));
            }
            return members;
        } catch (ProtocolException e) {
            throw new RendezvousException(e.getMessage());
        }
    }

    public void leave(String room) throws IOException {
        request(Rv.start(Rv.LEAVE).text(room).toByteArray(), Rv.OK);
    }

    /** Relays a small blob (at most {@value Rv#MAX_SIGNAL} bytes) to another member of a room. */
    public void signal(String room, String to, byte[] data) throws IOException {
        request(new WireWriter().u8(Rv.VERSION).u8(Rv.SIGNAL).text(room).text(to).bytes16(data).toByteArray(), Rv.OK);
    }

    /** @return room events as they arrive */
    public BlockingQueue<Event> events() {
        return events;
    }

    /** Sends raw bytes (tests use this to misbehave). */
    public void sendRaw(byte[] frame) {
        connection.send(ByteBuffer.wrap(frame));
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
