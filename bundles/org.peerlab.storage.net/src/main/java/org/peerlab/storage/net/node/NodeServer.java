package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.node.NodeCore;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * Runs a storage node: serves {@link NodeCore} to clients on a transport (tcp) and keeps a link
 * to the coordinator, registering on every connection and reconnecting with backoff (1 s
 * doubling to 30 s) when it is gone. The core and all disk work (writes, fsync, audits) run on
 * one node thread, never on the transport's thread; that thread only copies frames. A client
 * that has more than {@value #MAX_INBOUND} bytes waiting for the node thread holds the transport
 * thread until the node catches up (the transport has no way to pause one connection's reads, so
 * TCP flow control pushes back instead of memory growing); a client that leaves more than
 * {@value #MAX_BACKLOG} bytes of replies unread is disconnected. Events are reported through {@link NodeEvents}.
 */
public final class NodeServer implements AutoCloseable {

    static final long MAX_INBOUND = 4 << 20;
    static final long MAX_BACKLOG = 8 << 20;
    static final long BACKOFF_MIN = 1000;
    static final long BACKOFF_MAX = 30_000;
    static final long REGISTER_TIMEOUT = 30_000;

    private final Transport transport;
    private final Parameters parameters;
    private final String coordinator;
    private final String advertiseHost;
    private final NodeEvents events;
    private final NodeCore core;
    private final ScheduledExecutorService node;
    private final Map<Long, Peer> peers = new ConcurrentHashMap<>();
    private final Set<Long> clients = new HashSet<>(); // node thread
    private final AtomicLong ids = new AtomicLong();
    private final Listener listener;
    private volatile boolean closed;
    private long backoff = BACKOFF_MIN; // node thread
    private boolean everRegistered; // node thread
    private volatile String advertised;

    private NodeServer(Transport transport, int port, String coordinator, String advertiseHost, DiskShardStore store, NodeIdentity identity,
            SignatureScheme signature, Function<String, Optional<AuditScheme>> audits, NodeEvents events) throws IOException {
        this.transport = transport;
        this.coordinator = coordinator;
        this.advertiseHost = advertiseHost;
        this.events = events;
        this.parameters = transport.descriptor().bind(Map.of("max-frame", Integer.toString(StorageCodec.MAX_FRAME), "high-water",
                Long.toString(4 << 20), "low-water", Long.toString(1 << 20)));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "peerlab-storage-node");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // reconnects and timeouts die with the server
        this.node = executor;
        this.core = new NodeCore(new CoreOutput(identity), store, signature, identity.keys(), identity.coordinatorKey().orElse(null), audits);
        try {
            this.listener = transport.listen("0.0.0.0:" + port, parameters, () -> new Peer(ids.incrementAndGet(), false));
        } catch (IOException e) {
            node.shutdownNow();
            throw e;
        }
        node.scheduleWithFixedDelay(() -> guarded(-1, () -> core.tick(System.currentTimeMillis())), 250, 250, TimeUnit.MILLISECONDS);
        connectCoordinator();
    }

    /**
     * Listens for clients on {@code port} (all interfaces; 0 picks a free port) and starts
     * connecting to the coordinator.
     *
     * @param coordinator   the coordinator's {@code host:port}
     * @param advertiseHost the host clients should use, or {@code null} for the address this
     *                      machine uses to reach the coordinator
     * @throws IOException if the port cannot be listened on (the message says why, e.g. in use)
     */
    public static NodeServer start(Transport transport, int port, String coordinator, String advertiseHost, DiskShardStore store,
            NodeIdentity identity, SignatureScheme signature, Function<String, Optional<AuditScheme>> audits, NodeEvents events)
            throws IOException {
        return new NodeServer(transport, port, coordinator, advertiseHost, store, identity, signature, audits, events);
    }

    /** @return the listening address, e.g. {@code 0.0.0.0:47481} */
    public String listenAddress() {
        return listener.address();
    }

    /** @return the port clients connect to */
    public int port() {
        String a = listener.address();
        return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
    }

    /** @return the address sent to the coordinator, once a link has opened */
    public Optional<String> advertisedAddress() {
        return Optional.ofNullable(advertised);
    }

    private void connectCoordinator() {
        if (!closed) {
            transport.connect(coordinator, parameters, new Peer(ids.incrementAndGet(), true));
        }
    }

    /** On the node thread: the link is gone; try again after the backoff. */
    private void coordinatorLost(boolean wasOpen, Throwable cause) {
        if (closed) {
            return;
        }
        String why = cause == null ? "the connection was closed" : cause.getMessage();
        events.line("coordinator " + coordinator + (wasOpen ? " lost: " : " unreachable: ") + why + "; retrying in " + backoff / 1000 + " s");
        later(this::connectCoordinator, backoff);
        backoff = Math.min(backoff * 2, BACKOFF_MAX);
    }

    /** Queues work for the node thread; after {@link #close} it is dropped. */
    private void submit(Runnable work) {
        try {
            node.execute(work);
        } catch (RejectedExecutionException e) {
            // shutting down: the connection's end no longer matters
        }
    }

    /** Runs work on the node thread after {@code millis}; after {@link #close} it is dropped. */
    private void later(Runnable work, long millis) {
        try {
            node.schedule(work, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Runs core work for one connection; a bug there closes that connection, not the node. */
    private void guarded(long connection, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            events.line("internal error" + (connection < 0 ? "" : " on connection " + connection) + ": " + e);
            Peer p = peers.get(connection);
            if (p != null && p.connection != null) {
                p.connection.close();
            }
        }
    }

    /** One connection: a client, or the link to the coordinator. */
    private final class Peer implements ConnectionHandler {
        final long id;
        final boolean toCoordinator;
        volatile Connection connection;
        private final InboundGate gate = new InboundGate(MAX_INBOUND);
        private boolean open;

        Peer(long id, boolean toCoordinator) {
            this.id = id;
            this.toCoordinator = toCoordinator;
        }

        @Override
        public void onOpen(Connection c) {
            connection = c;
            open = true;
            peers.put(id, this);
            long now = System.currentTimeMillis();
            if (toCoordinator) {
                String local = c.localAddress();
                String host = advertiseHost != null ? advertiseHost : local.substring(0, local.lastIndexOf(':'));
                String address = host + ":" + port();
                submit(() -> guarded(id, () -> {
                    advertised = address;
                    core.coordinatorConnected(id, address, now);
                }));
                later(() -> guarded(id, () -> {
                    if (peers.containsKey(id) && !core.registered()) {
                        events.line("coordinator " + coordinator + " did not complete the registration in " + REGISTER_TIMEOUT / 1000 + " s");
                        c.close();
                    }
                }), REGISTER_TIMEOUT);
            } else {
                submit(() -> guarded(id, () -> {
                    clients.add(id);
                    core.clientConnected(id, now);
                }));
            }
        }

        @Override
        public void onFrame(Connection c, ByteBuffer frame) {
            byte[] m = new byte[frame.remaining()];
            frame.get(m);
            gate.queued(m.length);
            submit(() -> {
                guarded(id, () -> core.received(id, m, System.currentTimeMillis()));
                gate.processed(m.length);
            });
            gate.awaitRoom(() -> closed);
        }

        @Override
        public void onWritable(Connection c) {
            // replies are bounded per request; see Output.send for clients that stop reading
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            peers.remove(id);
            boolean wasOpen = open;
            submit(() -> guarded(id, () -> {
                clients.remove(id);
                core.disconnected(id);
                if (toCoordinator) {
                    coordinatorLost(wasOpen, cause);
                }
            }));
        }
    }

    /** The core's output, on the node thread. */
    private final class CoreOutput implements NodeCore.Output {
        private final NodeIdentity identity;

        CoreOutput(NodeIdentity identity) {
            this.identity = identity;
        }

        @Override
        public void send(long connection, byte[] message) {
            Peer p = peers.get(connection);
            Connection c = p == null ? null : p.connection;
            if (c == null || !c.isOpen()) {
                return;
            }
            if (!p.toCoordinator && c.bufferedBytes() > MAX_BACKLOG) {
                events.line("client " + c.remoteAddress() + " does not read its replies (" + c.bufferedBytes() + " bytes queued): disconnected");
                c.close();
                return;
            }
            try {
                c.send(ByteBuffer.wrap(message));
            } catch (IllegalStateException e) {
                // closed in the meantime; its onClosed follows
            }
        }

        @Override
        public void close(long connection, String why) {
            Peer p = peers.get(connection);
            if (p != null && p.connection != null) {
                p.connection.close();
            }
        }

        @Override
        public void pin(byte[] coordinatorKey) throws IOException {
            identity.pinCoordinator(coordinatorKey);
            events.line("pinned the coordinator's key in " + identity.coordinatorFile());
        }

        @Override
        public void registered(String nodeId, long heartbeatMillis) {
            backoff = BACKOFF_MIN;
            everRegistered = true;
            events.registered(nodeId, advertised);
        }

        @Override
        public void refused(String why) {
            events.refused(why, everRegistered);
        }

        @Override
        public void log(String line) {
            events.line(line);
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.close();
        for (Peer p : peers.values()) {
            if (p.connection != null) {
                p.connection.close();
            }
        }
        submit(() -> clients.forEach(id -> guarded(id, () -> core.disconnected(id)))); // uploads in progress leave nothing
        node.shutdown();
        try {
            node.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
