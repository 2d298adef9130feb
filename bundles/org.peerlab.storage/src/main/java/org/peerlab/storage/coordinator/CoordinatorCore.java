package org.peerlab.storage.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.PeerInfo;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.*;

/**
 * The storage coordinator, sans-I/O. Events come in - a connection opened
 * ({@link #connected}), a frame arrived ({@link #received}), a connection closed
 * ({@link #disconnected}), time passed ({@link #tick}) - and actions go out through
 * {@link Output}: frames to send, connections to close, repair tasks, log lines. Time is epoch
 * milliseconds given by the caller; randomness comes from the {@link RandomGenerator} given at
 * construction, so a simulation with a seeded generator is reproducible.
 *
 * <p>Every connection is greeted with HELLO (version, signature scheme, the coordinator's key, a
 * fresh 16-byte nonce). Nodes REGISTER and heartbeat on their connection and are audited there;
 * clients plan uploads (PUT_BEGIN, PUT_COMMIT, PUT_ABORT), LOCATE files and list PEERS. A
 * malformed frame gets ERROR MALFORMED and closes that connection only. Durable state lives in
 * the {@link Ledger}; nothing is acknowledged before the commit that holds it.
 *
 * <p>Not thread-safe: the caller serialises every call (the coordinator process holds one lock).
 */
public final class CoordinatorCore {

    /** Where the core's actions go. Calls come from inside the core's methods, on the caller's thread; they must not block. */
    public interface Output {
        /** Sends one frame on a connection (dropped if it has closed meanwhile). */
        void send(long conn, byte[] frame);

        /** Closes a connection after the frames already sent. */
        void close(long conn, String reason);

        /** Hands a repair task to the repair worker. */
        void repair(RepairTask task);

        /** One line for the coordinator's log (registrations, failed audits, disqualifications, repairs). */
        void log(String line);

        /** An audit came to an outcome (passed, failed, or a timeout that put the node in containment); for statistics. */
        default void audited(AuditTracker.Result result, long nowMillis) {
        }
    }

    /** Bytes of the HELLO nonce. */
    public static final int NONCE_LENGTH = 16;

    private static final class Conn {
        final byte[] nonce;
        String node;

        Conn(byte[] nonce) {
            this.nonce = nonce;
        }
    }

    private final CoordinatorContext ctx;
    private final FileIndex files = new FileIndex();
    private final NodeRegistry nodes;
    private final Uploads uploads;
    private final Auditor auditor;
    private final Repairs repairs;
    private final Map<Long, Conn> conns = new HashMap<>();
    private long nextRepairScan;

    /**
     * Loads the ledger (nodes, files, shard states) and resolves the strategies the settings name.
     *
     * @param strategies where placement, reputation and audit schemes are looked up by name
     * @param signer     the coordinator's signing key (orders, and its public key in HELLO)
     * @param nowMillis  the current time; silent nodes from the ledger count as silent from now
     * @throws org.peerlab.core.strategy.UnknownStrategyException if a named strategy is not installed
     * @throws IllegalArgumentException if the audit parameters do not fit the audit scheme
     */
    public CoordinatorCore(CoordinatorSettings settings, StrategyRegistry strategies, OrderSigner signer, Ledger ledger, RandomGenerator random,
            Output out, long nowMillis) {
        ReputationScheme reputation = strategies.family(ReputationScheme.FAMILY).require(settings.reputation(), ReputationScheme.class);
        PlacementStrategy placement = strategies.family(PlacementStrategy.FAMILY).require(settings.placement(), PlacementStrategy.class);
        AuditScheme audit = strategies.family(AuditScheme.FAMILY).require(settings.audit(), AuditScheme.class);
        Parameters placementParameters = placement.descriptor().bind(CoordinatorContext.declared(placement.descriptor(),
                Map.of("min-reputation", Double.toString(settings.minReputation()))));
        AuditTracker tracker = new AuditTracker(reputation, reputation.descriptor().defaults(),
                new AuditTracker.Settings(CoordinatorContext.nanos(settings.auditTimeoutMillis()), settings.auditRetries()));
        this.ctx = new CoordinatorContext(settings, strategies, Objects.requireNonNull(signer, "signer"), Objects.requireNonNull(ledger, "ledger"),
                Objects.requireNonNull(random, "random"), Objects.requireNonNull(out, "out"), tracker);
        files.load(ledger);
        this.nodes = new NodeRegistry(ctx, files, nowMillis);
        this.uploads = new Uploads(ctx, nodes, files, placement, placementParameters, audit);
        this.auditor = new Auditor(ctx, nodes, files);
        this.repairs = new Repairs(ctx, nodes, files, placement, placementParameters);
        this.nextRepairScan = nowMillis;
    }

    /** A connection opened: greets it with HELLO. */
    public void connected(long conn, long nowMillis) {
        byte[] nonce = new byte[NONCE_LENGTH];
        ctx.random.nextBytes(nonce);
        conns.put(conn, new Conn(nonce));
        ctx.send(conn, new Hello(StorageCodec.VERSION, ctx.signer.schemeName(), ctx.signer.publicKey(), nonce));
    }

    /** A frame arrived on {@code conn}. A malformed one gets ERROR MALFORMED and closes that connection. */
    public void received(long conn, byte[] frame, long nowMillis) {
        Conn c = conns.get(conn);
        if (c == null) {
            return; // closed meanwhile
        }
        StorageMessage m;
        try {
            m = StorageCodec.decode(frame);
        } catch (ProtocolException e) {
            ctx.error(conn, ErrorCode.MALFORMED, e.getMessage());
            ctx.out.close(conn, "malformed message: " + e.getMessage());
            return;
        }
        try {
            dispatch(conn, c, m, nowMillis);
            ctx.commitIfDirty();
        } catch (LedgerException e) {
            ctx.error(conn, ErrorCode.INTERNAL, "the coordinator could not write its ledger: " + e.getMessage());
            ctx.log("ledger failure: " + e.getMessage());
        } catch (RuntimeException e) {
            // a strategy or a bug failed on this request: report it, keep serving everyone else
            ctx.error(conn, ErrorCode.INTERNAL, "the coordinator failed on " + m.getClass().getSimpleName() + ": " + e);
            ctx.log("internal error on " + m.getClass().getSimpleName() + " from connection " + conn + ": " + e);
        }
    }

    private void dispatch(long conn, Conn c, StorageMessage m, long now) {
        NodeState node = c.node == null ? null : nodes.get(c.node);
        switch (m) {
            case Register r -> {
                if (c.node != null) {
                    ctx.error(conn, ErrorCode.UNEXPECTED, "this connection is already registered as node " + c.node);
                } else {
                    c.node = nodes.register(conn, c.nonce, r, now);
                    conns.values().stream().filter(o -> o != c && c.node != null && c.node.equals(o.node)).forEach(o -> o.node = null);
                }
            }
            case Heartbeat h -> {
                if (node == null) {
                    ctx.error(conn, ErrorCode.UNEXPECTED, "HEARTBEAT before REGISTER on this connection");
                } else {
                    nodes.heartbeat(node, h, now);
                }
            }
            case Proof p -> {
                if (node != null) {
                    auditor.proof(node, p, now);
                }
            }
            case StorageMessage.Error e -> {
                if (node != null) {
                    auditor.error(node, e, now);
                }
            }
            case PutBegin b -> uploads.begin(conn, b, now);
            case PutCommit pc -> uploads.commit(conn, pc.record(), now);
            case PutAbort a -> uploads.abort(a.fileId(), a.reason());
            case Locate l -> locate(conn, l.fileId(), now);
            case Peers p -> ctx.send(conn, new PeerList(nodes.peers(now)));
            case Replace r -> ctx.error(conn, ErrorCode.UNEXPECTED, "rebuilt shards are committed by the coordinator's own repair worker");
            default -> ctx.error(conn, ErrorCode.UNEXPECTED, "the coordinator does not take " + m.getClass().getSimpleName().toUpperCase()
                    + " messages");
        }
    }

    private void locate(long conn, String fileId, long now) {
        Optional<FileRecord> found = ctx.ledger.file(fileId);
        if (found.isEmpty()) {
            ctx.error(conn, ErrorCode.NOT_FOUND, "no file " + fileId);
            return;
        }
        FileRecord r = found.get();
        long expires = now + ctx.settings.orderTtlMillis();
        List<Placement> placements = new ArrayList<>(r.n());
        List<Boolean> healthy = new ArrayList<>(r.n());
        for (FileRecord.ShardEntry s : r.shards()) {
            NodeState n = nodes.get(s.nodeId());
            String shard = Order.shardName(fileId, s.index());
            placements.add(new Placement(s.index(), s.nodeId(), n == null ? "" : n.record.address(),
                    ctx.signer.sign(Order.Op.READ, shard, s.nodeId(), r.shardLength(), expires)));
            healthy.add(n != null && nodes.online(n, now) && !n.record.disqualified() && !files.failed(shard));
        }
        ctx.send(conn, new Location(r, placements, healthy));
    }

    /** A connection closed (either side). A node stays online until its heartbeats are overdue. */
    public void disconnected(long conn) {
        Conn c = conns.remove(conn);
        if (c != null && c.node != null) {
            NodeState n = nodes.get(c.node);
            if (n != null) {
                nodes.disconnected(n, conn);
            }
        }
    }

    /** Time passed: audit timeouts and new audits, offline nodes, expired upload plans, the repair scan, a ledger commit. */
    public void tick(long nowMillis) {
        try {
            nodes.tick(nowMillis);
            auditor.tick(nowMillis);
            uploads.tick(nowMillis);
            boolean disqualified = auditor.takeDisqualified();
            if (nowMillis >= nextRepairScan || disqualified) {
                nextRepairScan = nowMillis + ctx.settings.repairScanMillis();
                repairs.scan(nowMillis);
            }
            ctx.commitIfDirty();
        } catch (LedgerException e) {
            ctx.log("ledger failure: " + e.getMessage());
        }
    }

    /**
     * Commits a shard the repair worker rebuilt and stored on the node its task named.
     *
     * @throws IllegalStateException    if no running task of that file planned this shard on this node
     * @throws IllegalArgumentException if the checksum or the audit record is missing
     * @throws LedgerException          if the ledger cannot commit it (then nothing changed)
     */
    public void replaceShard(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord, long nowMillis) {
        repairs.replace(fileId, index, nodeId, sha256, auditRecord);
    }

    /** The repair worker is done with a file's task; the file may be planned again by a later scan if still short. */
    public void repairFinished(String fileId, boolean success, String detail, long nowMillis) {
        repairs.finished(fileId, success, detail);
    }

    /** @return every known node as PEERS shows it */
    public List<PeerInfo> peers(long nowMillis) {
        return nodes.peers(nowMillis);
    }

    /** @return the ids of files with a repair task out */
    public List<String> repairsRunning() {
        return List.copyOf(repairs.running());
    }

    /** @return upload plans held in memory */
    public int pendingUploads() {
        return uploads.pending();
    }
}
