package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.storage.coordinator.CoordinatorCore;
import org.peerlab.storage.coordinator.CoordinatorSettings;
import org.peerlab.storage.coordinator.Ledger;
import org.peerlab.storage.coordinator.LedgerException;
import org.peerlab.storage.coordinator.OrderSigner;
import org.peerlab.storage.coordinator.RepairTask;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * Serves a {@link CoordinatorCore} over a transport (tcp): one core behind one lock, fed by the
 * transport's connection events, a tick every {@value #TICK_MILLIS} ms from a single scheduler
 * thread, and the repair worker's results; the wall clock ({@link System#currentTimeMillis()})
 * is read here and nowhere in the core. Frames above {@link StorageCodec#MAX_FRAME} are refused
 * by the transport itself; malformed frames close only their own connection; a peer that stops
 * reading (more than {@value #MAX_BACKLOG} bytes queued to it) is disconnected.
 */
public final class CoordinatorServer implements AutoCloseable {

    /** What the server reports as it runs. */
    public interface Log {
        void line(String text);
    }

    static final long TICK_MILLIS = 200;
    static final long MAX_BACKLOG = 2L * StorageCodec.MAX_FRAME;

    private final Log log;
    private final CoordinatorCore core;
    private final Map<Long, Connection> connections = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final RepairWorker repairs;
    private final ScheduledExecutorService ticker;
    private final Listener listener;
    private boolean closed; // guarded by this: once set, the core is never called again

    private CoordinatorServer(Transport tcp, String address, CoordinatorSettings settings, StrategyRegistry registry, OrderSigner signer,
            Ledger ledger, Log log) throws IOException {
        this.log = log;
        this.repairs = new RepairWorker(tcp, registry, new RepairWorker.Sink() {
            @Override
            public void replace(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord) {
                synchronized (CoordinatorServer.this) {
                    if (closed) {
                        throw new IllegalStateException("the coordinator is stopping");
                    }
                    core.replaceShard(fileId, index, nodeId, sha256, auditRecord, System.currentTimeMillis());
                }
            }

            @Override
            public void finished(String fileId, boolean success, String detail) {
                synchronized (CoordinatorServer.this) {
                    if (closed) {
                        return;
                    }
                    core.repairFinished(fileId, success, detail, System.currentTimeMillis());
                }
            }
        });
        this.core = new CoordinatorCore(settings, registry, signer, ledger, new SecureRandom(), new CoordinatorCore.Output() {
            @Override
            public void send(long conn, byte[] frame) {
                Connection c = connections.get(conn);
                if (c == null || !c.isOpen()) {
                    return;
                }
                if (c.bufferedBytes() > MAX_BACKLOG) {
                    log.line("connection " + conn + " (" + c.remoteAddress() + ") does not read its replies: disconnected");
                    c.close();
                    return;
                }
                try {
                    c.send(ByteBuffer.wrap(frame));
                } catch (IllegalStateException e) {
                    // closed meanwhile: its onClosed follows
                }
            }

            @Override
            public void close(long conn, String reason) {
                Connection c = connections.get(conn);
                if (c != null) {
                    log.line("connection " + conn + " (" + c.remoteAddress() + ") closed: " + reason);
                    c.close();
                }
            }

            @Override
            public void repair(RepairTask task) {
                repairs.submit(task);
            }

            @Override
            public void log(String line) {
                log.line(line);
            }
        }, System.currentTimeMillis());
        Parameters p = tcp.descriptor().bind(Map.of("max-frame", Integer.toString(StorageCodec.MAX_FRAME)));
        this.listener = tcp.listen(address, p, this::handler);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "peerlab-coordinator-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts serving at {@code address} ({@code host:port}; port 0 picks one).
     *
     * @throws IOException if the address cannot be listened on
     * @throws org.peerlab.core.strategy.UnknownStrategyException if a strategy the settings name is not installed
     */
    public static CoordinatorServer start(Transport tcp, String address, CoordinatorSettings settings, StrategyRegistry registry,
            OrderSigner signer, Ledger ledger, Log log) throws IOException {
        return new CoordinatorServer(tcp, address, settings, registry, signer, ledger, log);
    }

    /** @return the address nodes and clients connect to, with the real port */
    public String address() {
        return listener.address();
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            core.tick(System.currentTimeMillis());
        } catch (LedgerException e) {
            log.line("ledger failure: " + e.getMessage());
        } catch (RuntimeException e) {
            log.line("internal error in the coordinator's tick: " + e); // keep ticking: the next tick may succeed
        }
    }

    private ConnectionHandler handler() {
        long id = ids.incrementAndGet();
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                synchronized (CoordinatorServer.this) {
                    if (closed) {
                        c.close();
                        return;
                    }
                    connections.put(id, c);
                    core.connected(id, System.currentTimeMillis());
                }
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                byte[] m = new byte[frame.remaining()];
                frame.get(m);
                synchronized (CoordinatorServer.this) {
                    if (!closed) {
                        core.received(id, m, System.currentTimeMillis());
                    }
                }
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                synchronized (CoordinatorServer.this) {
                    if (connections.remove(id) != null && !closed) {
                        core.disconnected(id);
                    }
                }
                if (cause != null) {
                    log.line("connection " + id + " (" + c.remoteAddress() + ") ended: " + cause.getMessage());
                }
            }
        };
    }

    /**
     * Stops listening, ticking and repairing, and closes every connection. Once this returns the
     * core is not called again, so the owner may close the ledger.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        listener.close();
        ticker.shutdownNow();
        repairs.close();
        synchronized (this) {
            connections.values().forEach(Connection::close);
        }
    }
}
