package org.peerlab.storage.sim.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.Host;
import org.peerlab.sim.net.SimTransport;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.node.NodeCore;
import org.peerlab.storage.wire.StorageMessage;

/**
 * One storage node of the simulated network: the real {@link NodeCore} on a simulated host, its
 * disk ({@link SimShardStore}, which survives crashes but not departures), its identity key and
 * pinned coordinator key. It listens for clients on {@link #PORT}, keeps a link to the
 * coordinator (reconnecting after {@link #RECONNECT_S} when it drops) and runs the core's timers
 * at each heartbeat. A crash loses the core's state and connections, as a process restart would;
 * recovery starts a new core on the same disk. Simulation thread only.
 */
final class NetNode {

    /** Port nodes take client connections on. */
    static final int PORT = 7100;
    /** Seconds before a node retries its coordinator link. */
    static final double RECONNECT_S = 30;

    final Host host;
    final SimShardStore store;
    final NetNodeKind kind;
    private final Simulator sim;
    private final SignatureScheme signature;
    private final SigningKeyPair key;
    private final Function<String, Optional<AuditScheme>> audits;
    private final String coordinator;
    private final Parameters transportParameters;
    private final double lateS;
    private final NetworkTally tally;
    private byte[] pinned;
    private NodeCore core;
    private FrameConnections conns;
    private long heartbeatMillis;
    private boolean misbehaving;
    private boolean departed;
    final String id;

    NetNode(Host host, SimShardStore store, NetNodeKind kind, Simulator sim, SignatureScheme signature, SigningKeyPair key,
            Function<String, Optional<AuditScheme>> audits, String coordinator, Parameters transportParameters, double lateS,
            NetworkTally tally) {
        this.host = host;
        this.store = store;
        this.kind = kind;
        this.sim = sim;
        this.signature = signature;
        this.key = key;
        this.audits = audits;
        this.coordinator = coordinator;
        this.transportParameters = transportParameters;
        this.lateS = lateS;
        this.tally = tally;
        this.id = NodeCore.nodeId(key.publicKey());
    }

    /** Starts (or restarts) the node process: listens, then links to the coordinator. */
    void start() {
        if (departed || !host.isUp()) {
            return;
        }
        FrameConnections c = new FrameConnections();
        NodeCore n = new NodeCore(new Output(c), store, signature, key, pinned, audits);
        conns = c;
        core = n;
        heartbeatMillis = 0;
        SimTransport transport = host.transport();
        try {
            transport.listen(host.name() + ":" + PORT, transportParameters, () -> c.handler(new FrameConnections.Events() {
                @Override
                public void opened(long id) {
                    if (core == n) {
                        n.clientConnected(id, now());
                    }
                }

                @Override
                public void frame(long id, byte[] frame) {
                    if (core == n) {
                        n.received(id, frame, now());
                    }
                }

                @Override
                public void closed(long id, Throwable cause) {
                    if (core == n) {
                        n.disconnected(id);
                    }
                }
            }));
        } catch (IOException e) {
            throw new IllegalStateException("simulated node " + host.name() + " cannot listen: " + e.getMessage(), e);
        }
        link(n, c);
    }

    private void link(NodeCore n, FrameConnections c) {
        host.transport().connect(coordinator, transportParameters, c.handler(new FrameConnections.Events() {
            @Override
            public void opened(long id) {
                if (core == n) {
                    n.coordinatorConnected(id, host.name() + ":" + PORT, now());
                }
            }

            @Override
            public void frame(long id, byte[] frame) {
                if (core == n) {
                    n.received(id, frame, now());
                }
            }

            @Override
            public void closed(long id, Throwable cause) {
                if (core == n) {
                    n.disconnected(id);
                    sim.schedule(Math.round(RECONNECT_S * Simulator.SECOND), () -> {
                        if (core == n && host.isUp()) {
                            link(n, c);
                        }
                    });
                }
            }
        }));
    }

    /** The process dies with the host (connections and in-memory state lost, the disk kept). */
    void crash() {
        core = null;
        if (conns != null) {
            conns.forgetAll();
        }
        host.crash();
    }

    /** The host comes back and the node process starts again. */
    void recover() {
        if (departed) {
            return;
        }
        host.recover();
        start();
    }

    /** The node leaves for good: its disk is gone. */
    void depart() {
        departed = true;
        crash();
        store.wipe();
    }

    boolean departed() {
        return departed;
    }

    /** The node's misbehaviour starts (its kind says which). */
    void misbehave(double dropShare, double damageFraction, int blockSize, java.util.random.RandomGenerator random) {
        misbehaving = true;
        switch (kind) {
            case DROPPING -> store.drop(dropShare, random);
            case PARTIAL -> store.damage(damageFraction, blockSize, random);
            default -> {
            }
        }
    }

    private long now() {
        return sim.now() / Simulator.MS;
    }

    private void tick(NodeCore n) {
        if (core != n) {
            return;
        }
        n.tick(now());
        sim.schedule(heartbeatMillis * Simulator.MS, () -> tick(n));
    }

    private final class Output implements NodeCore.Output {
        private final FrameConnections c;

        Output(FrameConnections c) {
            this.c = c;
        }

        @Override
        public void send(long connection, byte[] message) {
            if (misbehaving && kind == NetNodeKind.LATE && message.length > 0 && (message[0] & 0xff) == StorageMessage.Type.PROOF.code()) {
                sim.schedule(Math.round(lateS * Simulator.SECOND), () -> c.send(connection, message));
            } else {
                c.send(connection, message);
            }
        }

        @Override
        public void close(long connection, String why) {
            c.close(connection);
        }

        @Override
        public void pin(byte[] coordinatorKey) {
            pinned = coordinatorKey.clone();
        }

        @Override
        public void registered(String nodeId, long interval) {
            boolean first = heartbeatMillis == 0;
            heartbeatMillis = interval;
            tally.registered(NetNode.this);
            if (first) {
                NodeCore n = core;
                sim.schedule(interval * Simulator.MS, () -> tick(n));
            }
        }

        @Override
        public void refused(String why) {
            tally.problem("node " + host.name() + " refused by the coordinator: " + why);
        }
    }
}
