package org.peerlab.storage.coordinator;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage.Delete;
import org.peerlab.storage.wire.StorageMessage.PutAck;
import org.peerlab.storage.wire.StorageMessage.PutBegin;
import org.peerlab.storage.wire.StorageMessage.PutPlan;

/**
 * Uploads: PUT_BEGIN plans one (placement, signed STORE orders), PUT_COMMIT checks the client's
 * record against the plan and writes it durably before PUT_ACK. Plans live in memory only: a
 * restart forgets them, and an upload not committed before its orders expire is forgotten and
 * its shards are deleted from the nodes that are connected (shards on nodes that are not stay
 * as garbage the node may hold; nothing references them). Not thread-safe.
 */
final class Uploads {

    /** The most plans in memory at once. */
    static final int MAX_PENDING = 10_000;

    private record Plan(String name, long size, long shardLength, int k, int n, List<String> nodes, String auditParameters, long expiresAt) {
    }

    private final CoordinatorContext ctx;
    private final NodeRegistry nodes;
    private final FileIndex files;
    private final PlacementStrategy placement;
    private final Parameters placementParameters;
    private final AuditScheme audit;
    private final String auditParameters;
    private final Map<String, Plan> pending = new LinkedHashMap<>();

    Uploads(CoordinatorContext ctx, NodeRegistry nodes, FileIndex files, PlacementStrategy placement, Parameters placementParameters,
            AuditScheme audit) {
        this.ctx = ctx;
        this.nodes = nodes;
        this.files = files;
        this.placement = placement;
        this.placementParameters = placementParameters;
        this.audit = audit;
        this.auditParameters = CoordinatorContext.format(ctx.auditParameters(audit, ctx.settings.auditParameters()));
    }

    /** @return the plans in memory */
    int pending() {
        return pending.size();
    }

    void begin(long conn, PutBegin b, long now) {
        int k = b.k();
        int n = b.n();
        if (k < 1 || n < k || n > StorageCodec.MAX_SHARDS) {
            ctx.error(conn, ErrorCode.MALFORMED, "need 1 <= k <= n <= " + StorageCodec.MAX_SHARDS + ", got k " + k + ", n " + n);
            return;
        }
        if (b.size() > ctx.settings.maxUploadSize()) {
            ctx.error(conn, ErrorCode.TOO_LARGE, "a file of " + CoordinatorContext.bytes(b.size()) + " is larger than this coordinator's"
                    + " max-upload-size of " + CoordinatorContext.bytes(ctx.settings.maxUploadSize()));
            return;
        }
        long most = maxShardLength(b.size(), k);
        if (b.shardLength() < 1 || b.shardLength() > most) {
            ctx.error(conn, ErrorCode.MALFORMED, "shards of " + b.shardLength() + " bytes do not fit a " + k + "-of-" + n + " encoding of "
                    + b.size() + " bytes (1.." + most + " expected)");
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            ctx.error(conn, ErrorCode.INTERNAL, "too many uploads in progress (" + MAX_PENDING + "); try again later");
            return;
        }
        List<NodeCandidate> candidates = nodes.candidates(now, Set.of());
        long qualify = candidates.stream().filter(c -> c.freeBytes() >= b.shardLength()).count();
        List<String> chosen;
        try {
            if (qualify < n) {
                throw new PlacementException("only " + qualify + " qualify");
            }
            chosen = placement.place(placementParameters, candidates, n, b.shardLength(), ctx.random);
        } catch (PlacementException e) {
            ctx.error(conn, ErrorCode.NO_CAPACITY, "cannot place " + n + " shards of " + CoordinatorContext.bytes(b.shardLength()) + ": "
                    + qualify + " node(s) qualify (online, not disqualified, reputation >= " + ctx.settings.minReputation()
                    + ", with that much free), " + n + " needed" + (qualify >= n ? " (" + e.getMessage() + ")" : ""));
            return;
        }
        byte[] raw = new byte[16];
        ctx.random.nextBytes(raw);
        String fileId = HexFormat.of().formatHex(raw);
        long expires = now + ctx.settings.orderTtlMillis();
        List<Placement> placements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NodeState node = nodes.get(chosen.get(i));
            node.free = Math.max(0, node.free - b.shardLength()); // until its next heartbeat says better
            placements.add(new Placement(i, node.id(), node.record.address(),
                    ctx.signer.sign(Order.Op.STORE, Order.shardName(fileId, i), node.id(), b.shardLength(), expires)));
        }
        pending.put(fileId, new Plan(b.name(), b.size(), b.shardLength(), k, n, List.copyOf(chosen), auditParameters, expires));
        ctx.send(conn, new PutPlan(fileId, audit.descriptor().name(), auditParameters, placements));
    }

    /** @return the longest shard a k-of-n encoding of {@code size} bytes can need: size / k plus 64 bytes per 4 KiB segment */
    static long maxShardLength(long size, int k) {
        return (size + k - 1) / k + (size / 4096 + 1) * 64;
    }

    void commit(long conn, FileRecord r, long now) {
        Plan p = pending.get(r.fileId());
        if (p == null) {
            ctx.error(conn, ErrorCode.NOT_FOUND, "no upload of file " + r.fileId() + " is in progress (its plan expired, or the coordinator"
                    + " restarted since PUT_PLAN): upload it again");
            return;
        }
        String problem = mismatch(r, p);
        if (problem != null) {
            ctx.error(conn, ErrorCode.UNEXPECTED, "the commit of file " + r.fileId() + " does not match its plan: " + problem);
            return;
        }
        ctx.ledger.putFile(r);
        ctx.commit();
        pending.remove(r.fileId());
        files.add(r);
        ctx.send(conn, new PutAck(r.fileId()));
        ctx.log("file " + r.fileId() + " stored: " + CoordinatorContext.bytes(r.size()) + " as " + r.k() + "-of-" + r.n() + " shards of "
                + r.shardLength() + " bytes");
    }

    private String mismatch(FileRecord r, Plan p) {
        if (r.size() != p.size || r.k() != p.k || r.n() != p.n || r.shardLength() != p.shardLength) {
            return "size " + r.size() + ", " + r.k() + "-of-" + r.n() + ", shards of " + r.shardLength() + " bytes; planned size " + p.size
                    + ", " + p.k + "-of-" + p.n + ", shards of " + p.shardLength;
        }
        if (!r.name().equals(p.name)) {
            return "name '" + r.name() + "', planned '" + p.name + "'";
        }
        if (!r.audit().equals(audit.descriptor().name()) || !r.auditParameters().equals(p.auditParameters)) {
            return "audit " + r.audit() + " (" + r.auditParameters() + "), planned " + audit.descriptor().name() + " (" + p.auditParameters + ")";
        }
        Parameters params = ctx.auditParameters(audit, p.auditParameters);
        for (FileRecord.ShardEntry s : r.shards()) {
            if (!s.nodeId().equals(p.nodes.get(s.index()))) {
                return "shard " + s.index() + " is on node " + s.nodeId() + ", planned on " + p.nodes.get(s.index());
            }
            if (s.sha256().length != 32) {
                return "shard " + s.index() + " has a checksum of " + s.sha256().length + " bytes, not a SHA-256";
            }
            try {
                audit.challenge(params, s.auditRecord(), 0, ctx.random);
            } catch (AuditScheme.AuditExhaustedException | RuntimeException e) {
                return "the audit record of shard " + s.index() + " is not usable by " + audit.descriptor().name() + ": " + e.getMessage();
            }
        }
        return null;
    }

    void abort(String fileId, String reason) {
        Plan p = pending.remove(fileId);
        if (p != null) {
            deleteShards(fileId, p);
        }
    }

    /** Forgets plans whose orders have expired and deletes their shards. */
    void tick(long now) {
        for (Iterator<Map.Entry<String, Plan>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Plan> e = it.next();
            if (now > e.getValue().expiresAt) {
                it.remove();
                deleteShards(e.getKey(), e.getValue());
            }
        }
    }

    private void deleteShards(String fileId, Plan p) {
        for (int i = 0; i < p.n; i++) {
            NodeState node = nodes.get(p.nodes.get(i));
            if (node != null && node.conn >= 0) {
                ctx.send(node.conn, new Delete(Order.shardName(fileId, i)));
            }
        }
    }
}
