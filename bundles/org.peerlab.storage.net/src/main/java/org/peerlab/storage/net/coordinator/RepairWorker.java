package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.ParameterText;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.coordinator.RepairTask;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.transport.api.Transport;

/**
 * Executes the coordinator's repair tasks on its own thread, one at a time, never on a transport
 * thread. For each segment of the file it reads k pieces that match their recorded hashes
 * ({@link PieceSources}), decodes the sealed segment with the file's redundancy codec, encodes
 * it again, and streams the pieces of the shards to rebuild to their new nodes
 * ({@link ShardTargets}), each checked against its recorded hash first. Memory stays at one
 * segment: k pieces in, the sealed segment, its n pieces out. The coordinator never decrypts:
 * sealed segments are rebuilt as they are. Each shard stored is committed through the
 * {@link Sink}, then the task is reported finished (success only if every shard was rebuilt).
 */
final class RepairWorker implements AutoCloseable {

    /** Where the worker's results go (the coordinator core, under the server's lock). */
    interface Sink {
        /** Commits a rebuilt shard; throws if the coordinator refuses it. */
        void replace(String fileId, int index, String nodeId, byte[] sha256, byte[] auditRecord);

        void finished(String fileId, boolean success, String detail);
    }

    /** How long one node may take to answer one request. */
    static final long IO_TIMEOUT_MILLIS = 60_000;

    private final Transport tcp;
    private final StrategyRegistry registry;
    private final Sink sink;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "peerlab-coordinator-repair");
        t.setDaemon(true);
        return t;
    });

    RepairWorker(Transport tcp, StrategyRegistry registry, Sink sink) {
        this.tcp = tcp;
        this.registry = registry;
        this.sink = sink;
    }

    /** Queues a task; returns at once. */
    void submit(RepairTask task) {
        thread.execute(() -> {
            try {
                Outcome o = repair(task);
                sink.finished(task.fileId(), o.success(), o.detail());
            } catch (IOException | InsufficientShardsException | IllegalArgumentException e) {
                sink.finished(task.fileId(), false, e.getMessage());
            } catch (RuntimeException e) {
                sink.finished(task.fileId(), false, "internal error: " + e);
            }
        });
    }

    /** What a repair came to: success if every shard was rebuilt and committed; the detail names what went wrong. */
    record Outcome(boolean success, String detail) {
    }

    Outcome repair(RepairTask task) throws IOException, InsufficientShardsException {
        FileRecord r = task.record();
        RedundancyScheme redundancy = registry.family(RedundancyScheme.FAMILY).require(r.redundancy(), RedundancyScheme.class);
        ErasureCodec codec = redundancy.newCodec(ParameterText.bind(redundancy.descriptor(), r.redundancyParameters()));
        if (codec.requiredShards() != r.k() || codec.totalShards() != r.n()) {
            throw new IllegalArgumentException("redundancy " + r.redundancy() + " (" + r.redundancyParameters() + ") makes "
                    + codec.requiredShards() + "-of-" + codec.totalShards() + ", the record says " + r.k() + "-of-" + r.n());
        }
        int tag = registry.family(Aead.FAMILY).require(r.aead(), Aead.class).tagLength();
        SegmentLayout layout = SegmentLayout.of(r, tag, codec);
        if (layout.shardLength() != r.shardLength()) {
            throw new IllegalArgumentException("the layout of " + layout + " gives shards of " + layout.shardLength() + " bytes, the record says "
                    + r.shardLength());
        }
        AuditScheme audit = registry.family(AuditScheme.FAMILY).require(r.audit(), AuditScheme.class);
        Parameters auditParameters = ParameterText.bind(audit.descriptor(), r.auditParameters());
        List<ShardTargets.Rebuilt> rebuilt;
        List<String> problems = new ArrayList<>();
        try (PieceSources sources = new PieceSources(tcp, r, task.sources(), IO_TIMEOUT_MILLIS);
                ShardTargets targets = new ShardTargets(r, task.targets(), audit, auditParameters, random, IO_TIMEOUT_MILLIS)) {
            targets.open(tcp);
            for (long s = 0; s < layout.segments(); s++) {
                if (System.currentTimeMillis() > task.deadlineMillis()) {
                    throw new IOException("the repair's deadline passed at segment " + s + " of " + layout.segments());
                }
                byte[] sealed = codec.decode(sources.segment(s, layout.pieceOffset(s), layout.pieceLength(s)));
                targets.write(s, codec.encode(sealed));
            }
            rebuilt = targets.finish();
            problems.addAll(sources.dropped());
            problems.addAll(targets.failures());
        }
        int committed = 0;
        for (ShardTargets.Rebuilt b : rebuilt) {
            byte[] recorded = r.shards().get(b.index()).sha256();
            if (!MessageDigest.isEqual(recorded, b.sha256())) {
                problems.add("rebuilt shard " + b.index() + " has another SHA-256 than the record's; not committed");
                continue;
            }
            try {
                sink.replace(r.fileId(), b.index(), b.nodeId(), b.sha256(), b.auditRecord());
                committed++;
            } catch (RuntimeException e) {
                problems.add("shard " + b.index() + " was stored on node " + b.nodeId() + " but not committed: " + e.getMessage());
            }
        }
        boolean all = committed == task.targets().size();
        return new Outcome(all, committed + " of " + task.targets().size() + " shard(s) rebuilt from " + layout.segments() + " segment(s)"
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
