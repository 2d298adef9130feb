package org.peerlab.storage.coordinator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.api.ShardAccess;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.Signed;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.*;

/**
 * Drives a {@link CoordinatorCore} on virtual time and plays its nodes and clients: records what
 * the core sends per connection, simulated nodes heartbeat and answer challenges as told.
 */
final class CoreHarness implements CoordinatorCore.Output {

    /** How a simulated node answers challenges. */
    enum Mode {
        HONEST, LIAR, SILENT
    }

    final class SimNode {
        final SigningKeyPair key = sig.generateKeyPair();
        final String address;
        final Map<String, byte[]> shards = new HashMap<>();
        final List<StorageMessage> history = new ArrayList<>();
        long conn;
        String id;
        Mode mode = Mode.HONEST;
        boolean alive = true;
        long lastBeat;

        SimNode(String address) {
            this.address = address;
        }
    }

    static final CoordinatorSettings SETTINGS = new CoordinatorSettings(1000, 0.5, "first-fit", "strikes", "copy", "blocks=7", 10_000, 5_000,
            2, 1_000, 3_000, 3, 30_000, 60_000, 60_000, 1_000);

    final org.peerlab.storage.node.JdkEd25519 sig = new org.peerlab.storage.node.JdkEd25519();
    final SigningKeyPair coordinatorKey = sig.generateKeyPair();
    final TestStrategies strategies;
    final CoordinatorSettings settings;
    final Map<Long, Deque<StorageMessage>> inbox = new HashMap<>();
    final Map<Long, String> closed = new LinkedHashMap<>();
    final List<RepairTask> tasks = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<SimNode> nodes = new ArrayList<>();
    MemoryLedger ledger;
    CoordinatorCore core;
    long now = 1_700_000_000_000L;
    private long nextConn = 1;

    CoreHarness(CoordinatorSettings settings, TestStrategies strategies, MemoryLedger ledger) {
        this.settings = settings;
        this.strategies = strategies;
        start(ledger);
    }

    CoreHarness() {
        this(SETTINGS, TestStrategies.doubles(2), new MemoryLedger());
    }

    /** (Re)starts the core on {@code l}, as a coordinator process would after a restart; every connection is gone. */
    void start(MemoryLedger l) {
        ledger = l;
        inbox.clear();
        nodes.forEach(n -> n.conn = -1);
        core = new CoordinatorCore(settings, strategies, new OrderSigner(sig, coordinatorKey), ledger, new SplittableRandom(7), this, now);
    }

    @Override
    public void send(long conn, byte[] frame) {
        try {
            inbox.computeIfAbsent(conn, c -> new ArrayDeque<>()).add(StorageCodec.decode(frame));
        } catch (ProtocolException e) {
            throw new AssertionError("the core sent an undecodable frame", e);
        }
    }

    @Override
    public void close(long conn, String reason) {
        closed.put(conn, reason);
    }

    @Override
    public void repair(RepairTask task) {
        tasks.add(task);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    long connect() {
        long c = nextConn++;
        core.connected(c, now);
        return c;
    }

    void send(long conn, StorageMessage m) {
        core.received(conn, StorageCodec.encode(m), now);
    }

    <T extends StorageMessage> T expect(long conn, Class<T> type) {
        Deque<StorageMessage> q = inbox.getOrDefault(conn, new ArrayDeque<>());
        assertFalse(q.isEmpty(), "nothing sent on connection " + conn + ", expected " + type.getSimpleName());
        return assertInstanceOf(type, q.poll());
    }

    SimNode registerNode(String address, long capacity) {
        SimNode n = new SimNode(address);
        nodes.add(n);
        connectNode(n, capacity);
        return n;
    }

    void connectNode(SimNode n, long capacity) {
        n.conn = connect();
        Hello h = expect(n.conn, Hello.class);
        byte[] pub = n.key.publicKey();
        send(n.conn, new Register(pub, n.address, capacity, capacity, sig.sign(n.key.privateKey(), Signed.register(h.nonce(), pub, n.address,
                capacity))));
        n.id = expect(n.conn, Registered.class).nodeId();
        n.lastBeat = now;
    }

    /** Advances virtual time in 100 ms ticks; live nodes heartbeat every second and answer as their mode says. */
    void advance(long millis) {
        long end = now + millis;
        while (now < end) {
            now = Math.min(end, now + 100);
            for (SimNode n : nodes) {
                if (n.alive && n.conn >= 0) {
                    serve(n);
                    if (now - n.lastBeat >= 1_000) {
                        n.lastBeat = now;
                        send(n.conn, new Heartbeat(1000, n.shards.size()));
                    }
                }
            }
            core.tick(now);
        }
        nodes.stream().filter(n -> n.alive && n.conn >= 0).forEach(this::serve);
    }

    private void serve(SimNode n) {
        Deque<StorageMessage> q = inbox.getOrDefault(n.conn, new ArrayDeque<>());
        while (!q.isEmpty()) {
            StorageMessage m = q.poll();
            n.history.add(m);
            if (m instanceof Challenge c && n.mode != Mode.SILENT) {
                byte[] shard = n.shards.get(c.shard());
                byte[] response;
                try {
                    response = new TestStrategies.CopyAuditDouble().respond(null, c.challenge(), ShardAccess.of(shard));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                if (n.mode == Mode.LIAR) {
                    response[0] ^= 1;
                }
                send(n.conn, new Proof(c.auditId(), response));
            } else if (m instanceof Delete d) {
                n.shards.remove(d.shard());
            }
        }
    }

    /** Plans and commits a 100-byte file as 2-of-4 shards of 60 bytes; the shards land on the planned nodes. */
    FileRecord put(long client) {
        send(client, new PutBegin("notes.txt", 100, 60, 2, 4));
        PutPlan plan = expect(client, PutPlan.class);
        FileRecord r = record(plan, 100, 60);
        for (Placement p : plan.placements()) {
            nodeById(p.nodeId()).shards.put(p.order().shard(), r.shards().get(p.index()).auditRecord());
        }
        send(client, new PutCommit(r));
        expect(client, PutAck.class);
        return r;
    }

    /** @return the record a client would commit for {@code plan}: random shard bytes, copy-audit records */
    static FileRecord record(PutPlan plan, long size, int shardLength) {
        SplittableRandom rnd = new SplittableRandom(plan.fileId().hashCode());
        List<FileRecord.ShardEntry> shards = new ArrayList<>();
        for (Placement p : plan.placements()) {
            byte[] bytes = new byte[shardLength];
            rnd.nextBytes(bytes);
            shards.add(new FileRecord.ShardEntry(p.index(), p.nodeId(), TestStrategies.sha256(bytes), bytes));
        }
        int n = plan.placements().size();
        return new FileRecord(plan.fileId(), "notes.txt", size, 4096, 1, "aes-256-gcm", "", "", new byte[0], "reed-solomon",
                "data-shards=2,total-shards=" + n, 2, n, shardLength, plan.audit(), plan.auditParameters(), shards, new byte[n * 32]);
    }

    SimNode nodeById(String id) {
        return nodes.stream().filter(n -> n.id.equals(id)).findFirst().orElseThrow();
    }

    long count(SimNode n, Class<? extends StorageMessage> type) {
        return n.history.stream().filter(type::isInstance).count();
    }
}
