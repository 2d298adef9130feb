package org.peerlab.storage.sim.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.Host;
import org.peerlab.sim.net.LinkSpec;
import org.peerlab.sim.net.Router;
import org.peerlab.sim.net.SimNetwork;
import org.peerlab.sim.net.SimTransport;
import org.peerlab.sim.net.StreamConfig;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.coordinator.CoordinatorCore;
import org.peerlab.storage.coordinator.MemoryLedger;
import org.peerlab.storage.coordinator.OrderSigner;
import org.peerlab.storage.coordinator.RepairTask;
import org.peerlab.storage.wire.PeerInfo;

/**
 * The storage network run for real on the simulated packet network: one {@link CoordinatorCore}
 * (in-memory ledger) on host {@code coordinator}, {@link NetNode}s running {@link
 * org.peerlab.storage.node.NodeCore} on hosts {@code n0}, {@code n1}, ..., the {@link NetClient}
 * on host {@code client}, all behind one router, every message encoded, signed and checked as
 * between processes. Nodes join over the first ten minutes; the client puts its files from
 * {@code put-start-h}; misbehaving nodes turn at {@code misbehave-after-h}; benign churn crashes
 * and restarts node processes (disks kept) and departures remove nodes with their disks. At the
 * end of the duration the client gets every acknowledged file back and compares the bytes.
 * Simulation thread only.
 */
final class NetworkStudy {

    /** Port the coordinator listens on. */
    static final int COORDINATOR_PORT = 7000;
    private static final long MINUTE = 60 * Simulator.SECOND;
    /** Longest the final gets may take, virtual time. */
    private static final long GET_WINDOW = 6 * 60 * MINUTE;
    /** Silence after which an idle connection probes its peer (Linux's tcp_keepalive_time). */
    private static final long KEEPALIVE_IDLE = 2 * 60 * MINUTE;

    private final Simulator sim;
    private final NetworkSetup setup;
    private final StrategyRegistry registry;
    private final long end;
    private final NetworkTally tally = new NetworkTally();
    private final List<NetNode> nodes = new ArrayList<>();
    private CoordinatorCore coordinator;
    private NetClient client;
    private long verifiedAt = -1;
    private long shardLength;

    NetworkStudy(Simulator sim, NetworkSetup setup, StrategyRegistry registry, long durationNanos) {
        this.sim = sim;
        this.setup = setup;
        this.registry = registry;
        this.end = durationNanos;
    }

    NetworkTally tally() {
        return tally;
    }

    List<NetNode> nodes() {
        return nodes;
    }

    /** @return bytes per shard of the run's files */
    long shardLength() {
        return shardLength;
    }

    /** @return virtual nanoseconds the final gets took, or -1 if they did not run */
    long verificationNanos() {
        return verifiedAt < 0 ? -1 : verifiedAt - end;
    }

    /** Builds the network, runs it to the end and (if asked) gets every file back. */
    void run() throws IOException {
        StreamConfig d = StreamConfig.defaults();
        // long-lived connections (a node's coordinator link) probe like Linux TCP's defaults, not every few seconds
        SimNetwork net = new SimNetwork(sim, new StreamConfig(d.mss(), d.headerBytes(), d.initialWindow(), d.receiveWindow(), d.initialRto(),
                d.minRto(), d.maxRto(), d.userTimeout(), KEEPALIVE_IDLE, 75 * Simulator.SECOND, 9, d.delayedAck(), d.ackEvery()));
        Router internet = net.router("internet");
        LinkSpec server = LinkSpec.of(setup.serverMbps() * 1e6, setup.latencyMs());
        LinkSpec access = LinkSpec.of(setup.nodeMbps() * 1e6, setup.latencyMs());
        Host coordinatorHost = net.host("coordinator");
        net.connect(coordinatorHost, internet, server);
        Host clientHost = net.host("client");
        net.connect(clientHost, internet, server);
        Parameters transport = SimTransport.describe().defaults();
        String coordinatorAddress = "coordinator:" + COORDINATOR_PORT;

        SignatureScheme signature = registry.family(SignatureScheme.FAMILY).require(setup.signature(), SignatureScheme.class);
        SecureRandom keys = seeded(new JdkRandom(sim.random().stream("keys")));
        StorageParts parts = StorageParts.of(registry, setup.aead(), setup.redundancy(), setup.k(), setup.n());
        shardLength = org.peerlab.storage.client.SegmentLayout.of(setup.fileSize(), Math.max(1, setup.fileSize()), parts.aead().tagLength(),
                parts.codec()).shardLength();
        NetRepairWorker repairs = new NetRepairWorker(sim, coordinatorHost.transport(), transport, parts, tally,
                new JdkRandom(sim.random().stream("repair-secrets")));
        FrameConnections conns = new FrameConnections();
        coordinator = new CoordinatorCore(setup.settings(), registry, new OrderSigner(signature, signature.generateKeyPair(keys)),
                new MemoryLedger(), new JdkRandom(sim.random().stream("coordinator")), new CoordinatorCore.Output() {
                    @Override
                    public void send(long conn, byte[] frame) {
                        conns.send(conn, frame);
                    }

                    @Override
                    public void close(long conn, String reason) {
                        conns.close(conn);
                    }

                    @Override
                    public void repair(RepairTask task) {
                        repairs.submit(task);
                    }

                    @Override
                    public void log(String line) {
                        // outcomes arrive through audited(); the rest of the log is not needed for the metrics
                    }

                    @Override
                    public void audited(AuditTracker.Result result, long nowMillis) {
                        tally.audited(result, nowMillis);
                    }
                }, 0);
        repairs.attach(coordinator);
        coordinatorHost.transport().listen(coordinatorAddress, transport, () -> conns.handler(new FrameConnections.Events() {
            @Override
            public void opened(long id) {
                coordinator.connected(id, millis());
            }

            @Override
            public void frame(long id, byte[] frame) {
                coordinator.received(id, frame, millis());
            }

            @Override
            public void closed(long id, Throwable cause) {
                coordinator.disconnected(id);
            }
        }));
        long tick = Math.max(1, Math.round(setup.tickS() * Simulator.SECOND));
        sim.schedule(tick, new Runnable() {
            @Override
            public void run() {
                coordinator.tick(millis());
                sim.schedule(tick, this::run);
            }
        }::run);

        var audits = new java.util.function.Function<String, java.util.Optional<org.peerlab.storage.api.AuditScheme>>() {
            @Override
            public java.util.Optional<org.peerlab.storage.api.AuditScheme> apply(String name) {
                return registry.family(org.peerlab.storage.api.AuditScheme.FAMILY).find(name).map(r -> r.service())
                        .filter(org.peerlab.storage.api.AuditScheme.class::isInstance).map(org.peerlab.storage.api.AuditScheme.class::cast);
            }
        };
        RandomGenerator placement = new JdkRandom(sim.random().stream("population"));
        NetNodeKind[] kinds = kinds(placement);
        RandomGenerator joins = new JdkRandom(sim.random().stream("joins"));
        for (int i = 0; i < setup.nodes(); i++) {
            Host h = net.host("n" + i);
            net.connect(h, internet, access);
            NetNode node = new NetNode(h, new SimShardStore(setup.nodeQuota()), kinds[i], sim, signature, signature.generateKeyPair(keys),
                    audits, coordinatorAddress, transport, setup.lateS(), tally);
            nodes.add(node);
            tally.add(node);
            sim.schedule(Math.round(joins.nextDouble() * 10 * MINUTE), node::start);
        }
        scheduleChurn(placement);
        scheduleMisbehaviour();
        client = new NetClient(sim, clientHost.transport(), transport, coordinatorAddress, parts, setup, tally,
                new JdkRandom(sim.random().stream("client")), sim.random().stream("contents").nextLong());
        sim.schedule(NetworkSetup.hours(setup.putStartH()), () -> {
            for (int f = 0; f < setup.files(); f++) {
                client.put(f);
            }
        });
        long sampleEvery = 60 * MINUTE;
        sim.schedule(sampleEvery, new Runnable() {
            @Override
            public void run() {
                sample();
                if (sim.now() + sampleEvery <= end) {
                    sim.schedule(sampleEvery, this::run);
                }
            }
        }::run);
        sim.runUntil(end);
        if (setup.verifyFiles()) {
            client.getAll();
            long limit = end + GET_WINDOW;
            while (client.busy() > 0 && sim.now() < limit) {
                sim.runUntil(Math.min(limit, sim.now() + MINUTE));
            }
            verifiedAt = sim.now();
        }
    }

    private void sample() {
        long dq = 0;
        long online = 0;
        for (PeerInfo p : coordinator.peers(millis())) {
            dq += p.disqualified() ? 1 : 0;
            online += p.online() ? 1 : 0;
        }
        sim.metrics().sample("disqualified-nodes", sim.now(), dq);
        sim.metrics().sample("online-nodes", sim.now(), online);
        sim.metrics().sample("repaired-shards-over-time", sim.now(), tally.shardsRepaired);
    }

    /** Exact counts per kind, shuffled over the population. */
    private NetNodeKind[] kinds(RandomGenerator random) {
        int n = setup.nodes();
        NetNodeKind[] kinds = new NetNodeKind[n];
        java.util.Arrays.fill(kinds, NetNodeKind.HONEST);
        int at = 0;
        at = fill(kinds, at, (int) Math.round(setup.dropping() * n), NetNodeKind.DROPPING);
        at = fill(kinds, at, (int) Math.round(setup.partial() * n), NetNodeKind.PARTIAL);
        fill(kinds, at, (int) Math.round(setup.late() * n), NetNodeKind.LATE);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            NetNodeKind t = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = t;
        }
        return kinds;
    }

    private static int fill(NetNodeKind[] kinds, int from, int count, NetNodeKind kind) {
        int to = Math.min(kinds.length, from + count);
        java.util.Arrays.fill(kinds, from, to, kind);
        return to;
    }

    private void scheduleChurn(RandomGenerator random) {
        ChurnSpec churn = setup.churn();
        var draws = sim.random().stream("churn");
        var leaves = new JdkRandom(sim.random().stream("departures"));
        double yearH = 365.25 * 24;
        for (NetNode node : nodes) {
            if (churn.share() > 0 && random.nextDouble() < churn.share()) {
                scheduleCrash(node, churn, draws);
            }
            if (setup.departuresPerYear() > 0) {
                double atH = -Math.log(1 - leaves.nextDouble()) * yearH / setup.departuresPerYear();
                long at = NetworkSetup.hours(atH);
                if (at < end) {
                    sim.schedule(at, node::depart);
                }
            }
        }
    }

    private void scheduleCrash(NetNode node, ChurnSpec churn, org.apache.commons.math3.random.RandomGenerator draws) {
        long up = Math.max(MINUTE, NetworkSetup.hours(churn.uptime().sample(draws)));
        sim.schedule(up, () -> {
            if (node.departed() || sim.now() >= end) {
                return;
            }
            node.crash();
            long down = Math.max(MINUTE, NetworkSetup.hours(churn.downtime().sample(draws)));
            sim.schedule(down, () -> {
                node.recover();
                scheduleCrash(node, churn, draws);
            });
        });
    }

    private void scheduleMisbehaviour() {
        RandomGenerator r = new JdkRandom(sim.random().stream("misbehaviour"));
        sim.schedule(NetworkSetup.hours(setup.misbehaveAfterH()), () -> {
            for (NetNode node : nodes) {
                if (node.kind != NetNodeKind.HONEST) {
                    node.misbehave(setup.dropShare(), setup.damageFraction(), setup.auditBlockSize(), r);
                }
            }
        });
    }

    private long millis() {
        return sim.now() / Simulator.MS;
    }

    /** A SecureRandom whose bytes come from the run's seeded stream, so node keys (and ids) repeat; simulation only. */
    @SuppressWarnings("serial")
    private static SecureRandom seeded(RandomGenerator source) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                source.nextBytes(bytes);
            }

            @Override
            public byte[] generateSeed(int numBytes) {
                byte[] b = new byte[numBytes];
                source.nextBytes(b);
                return b;
            }
        };
    }
}
