package org.peerlab.storage.coordinator;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.NodeCandidate;
import org.peerlab.storage.api.PlacementStrategy;
import org.peerlab.storage.api.PlacementStrategy.PlacementException;
import org.peerlab.storage.repair.RepairPlanner;
import org.peerlab.storage.repair.ShardHealth;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageMessage.Delete;

/**
 * Repair scheduling: a scan finds files whose healthy shards fell below the repair threshold, or
 * that have a shard on a disqualified node (rebuilt at once, whatever the threshold)
 * ({@link RepairPlanner}; a shard is healthy when its node is not disqualified, has not been
 * silent for repair-offline-after, and the shard has not failed an audit) and hands each to the
 * repair worker as a {@link RepairTask} - one task per file at a time, until it finishes or
 * its deadline passes. Rebuilt shards are committed one by one through {@link #replace}.
 * Not thread-safe.
 */
final class Repairs {

    private final CoordinatorContext ctx;
    private final NodeRegistry nodes;
    private final FileIndex files;
    private final PlacementStrategy placement;
    private final Parameters placementParameters;
    private final Map<String, RepairTask> running = new TreeMap<>();
    private final Set<String> reportedLost = new HashSet<>();
    private final Set<String> reportedShort = new HashSet<>();

    Repairs(CoordinatorContext ctx, NodeRegistry nodes, FileIndex files, PlacementStrategy placement, Parameters placementParameters) {
        this.ctx = ctx;
        this.nodes = nodes;
        this.files = files;
        this.placement = placement;
        this.placementParameters = placementParameters;
    }

    /** @return whether shard {@code index} of the file counts toward its redundancy */
    boolean healthy(FileIndex.Layout l, int index, long now) {
        NodeState n = l.nodes()[index] == null ? null : nodes.get(l.nodes()[index]);
        return n != null && !nodes.lost(n, now) && !files.failed(Order.shardName(l.fileId(), index));
    }

    /** @return the files with a repair task out */
    Set<String> running() {
        return running.keySet();
    }

    /** Drops tasks past their deadline, then plans a repair for every file that needs one and has none running. */
    void scan(long now) {
        running.values().removeIf(t -> {
            if (now > t.deadlineMillis()) {
                ctx.log("repair of file " + t.fileId() + " did not finish by its deadline; it may be planned again");
                return true;
            }
            return false;
        });
        for (FileIndex.Layout l : files.layouts()) {
            int threshold = ctx.settings.repairThresholdFor(l.k(), l.n());
            if (threshold == 0 || running.containsKey(l.fileId())) {
                continue;
            }
            List<ShardHealth> health = new ArrayList<>(l.n());
            boolean onDisqualified = false;
            for (int i = 0; i < l.n(); i++) {
                health.add(new ShardHealth(i, l.nodes()[i], healthy(l, i, now)));
                NodeState holder = l.nodes()[i] == null ? null : nodes.get(l.nodes()[i]);
                onDisqualified |= holder != null && holder.record.disqualified();
            }
            RepairPlanner.Plan plan = new RepairPlanner(l.k(), l.n(), threshold).plan(health, onDisqualified);
            if (plan.lost()) {
                if (reportedLost.add(l.fileId())) {
                    ctx.log("file " + l.fileId() + " is LOST: " + (l.n() - plan.rebuild().size()) + " healthy shard(s), " + l.k() + " needed");
                }
            } else if (plan.needed()) {
                reportedLost.remove(l.fileId());
                start(l, plan, health, now);
            }
        }
    }

    private void start(FileIndex.Layout l, RepairPlanner.Plan plan, List<ShardHealth> health, long now) {
        Set<String> exclude = new HashSet<>();
        for (String node : l.nodes()) {
            if (node != null) {
                exclude.add(node);
            }
        }
        List<NodeCandidate> candidates = nodes.candidates(now, exclude);
        long qualify = candidates.stream().filter(c -> c.freeBytes() >= l.shardLength()).count();
        int count = (int) Math.min(qualify, plan.rebuild().size());
        List<String> chosen;
        try {
            if (count == 0) {
                throw new PlacementException("no node qualifies");
            }
            chosen = placement.place(placementParameters, candidates, count, l.shardLength(), ctx.random);
        } catch (PlacementException e) {
            if (reportedShort.add(l.fileId())) {
                ctx.log("file " + l.fileId() + " needs " + plan.rebuild().size() + " shard(s) rebuilt but no node can take them: " + e.getMessage());
            }
            return;
        }
        reportedShort.remove(l.fileId());
        FileRecord record = ctx.ledger.file(l.fileId()).orElseThrow();
        long expires = now + ctx.settings.orderTtlMillis();
        List<Placement> sources = new ArrayList<>();
        List<Integer> order = new ArrayList<>(plan.sources());
        for (ShardHealth h : health) {
            if (h.healthy() && !order.contains(h.index())) {
                order.add(h.index());
            }
        }
        for (int i : order) {
            NodeState n = nodes.get(l.nodes()[i]);
            sources.add(new Placement(i, n.id(), n.record.address(),
                    ctx.signer.sign(Order.Op.READ, Order.shardName(l.fileId(), i), n.id(), l.shardLength(), expires)));
        }
        List<Placement> targets = new ArrayList<>();
        for (int j = 0; j < chosen.size(); j++) {
            int index = plan.rebuild().get(j);
            NodeState n = nodes.get(chosen.get(j));
            n.free = Math.max(0, n.free - l.shardLength());
            targets.add(new Placement(index, n.id(), n.record.address(),
                    ctx.signer.sign(Order.Op.STORE, Order.shardName(l.fileId(), index), n.id(), l.shardLength(), expires)));
        }
        RepairTask task = new RepairTask(record, sources, targets, now + ctx.settings.repairTimeoutMillis());
        running.put(l.fileId(), task);
        ctx.log("repair of file " + l.fileId() + " started: " + (l.n() - plan.rebuild().size()) + " of " + l.n() + " shards healthy, rebuilding "
                + targets.stream().map(p -> p.index() + "->" + p.nodeId()).toList());
        ctx.out.repair(task);
    }

    /**
     * Commits a rebuilt shard: the file's record names its new node and audit record, the shard
     * is healthy again, and its old node is told to delete it.
     *
     * @throws IllegalStateException if no running task of that file planned this shard on this node
     */
    void replace(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord) {
        RepairTask t = running.get(fileId);
        if (t == null || t.targets().stream().noneMatch(p -> p.index() == index && p.nodeId().equals(nodeId))) {
            throw new IllegalStateException("no running repair of file " + fileId + " rebuilds shard " + index + " onto node " + nodeId);
        }
        FileRecord r = ctx.ledger.file(fileId).orElseThrow();
        if (sha256.length != 32 || auditRecord.length == 0) {
            throw new IllegalArgumentException("shard " + index + " of file " + fileId + " needs a 32-byte SHA-256 and an audit record");
        }
        String shard = Order.shardName(fileId, index);
        ctx.ledger.putFile(r.withShard(new FileRecord.ShardEntry(index, nodeId, sha256, auditRecord)));
        ctx.ledger.putShard(shard, ShardState.FRESH);
        ctx.commit();
        String old = files.move(fileId, index, nodeId);
        NodeState o = old == null ? null : nodes.get(old);
        if (o != null && !old.equals(nodeId) && o.conn >= 0) {
            ctx.send(o.conn, new Delete(shard));
        }
        ctx.log("shard " + shard + " rebuilt on node " + nodeId + (old == null ? "" : " (was on " + old + ")"));
    }

    /** The worker is done with a file's task (all, some or none of its shards committed). */
    void finished(String fileId, boolean success, String detail) {
        if (running.remove(fileId) != null) {
            ctx.log("repair of file " + fileId + (success ? " finished" : " FAILED") + (detail.isEmpty() ? "" : ": " + detail));
        }
    }
}
