package org.peerlab.storage.sim.internal;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.SimTransport;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.ParameterText;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.coordinator.CoordinatorCore;
import org.peerlab.storage.coordinator.RepairTask;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageMessage;

/**
 * The coordinator's repair worker on the coordinator's simulated host, doing what the real one
 * does with each {@link RepairTask}: read shards from the task's sources (its first k at once,
 * later ones when one fails or does not match its recorded piece hashes), decode every sealed
 * segment and encode it again (never decrypting), check each rebuilt shard against the SHA-256 in
 * the record, store it on its target node under the task's order, and commit it with
 * {@link CoordinatorCore#replaceShard}; then report the task finished. Tasks run one after
 * another, as in the real worker. Simulation thread only.
 */
final class NetRepairWorker {

    private final Simulator sim;
    private final SimTransport transport;
    private final Parameters transportParameters;
    private final StorageParts parts;
    private final NetworkTally tally;
    private final RandomGenerator random;
    private final Queue<RepairTask> queue = new ArrayDeque<>();
    private CoordinatorCore core;
    private boolean busy;

    NetRepairWorker(Simulator sim, SimTransport transport, Parameters transportParameters, StorageParts parts, NetworkTally tally,
            RandomGenerator random) {
        this.sim = sim;
        this.transport = transport;
        this.transportParameters = transportParameters;
        this.parts = parts;
        this.tally = tally;
        this.random = random;
    }

    void attach(CoordinatorCore core) {
        this.core = core;
    }

    void submit(RepairTask task) {
        queue.add(task);
        tally.repairTasks++;
        if (!busy) {
            sim.schedule(0, this::nextTask);
        }
    }

    private void nextTask() {
        if (busy || queue.isEmpty()) {
            return;
        }
        busy = true;
        new Job(queue.poll()).start();
    }

    private long now() {
        return sim.now() / Simulator.MS;
    }

    private final class Job implements Conversation.Listener {
        private final RepairTask task;
        private final FileRecord record;
        private final SegmentLayout layout;
        private final Queue<Placement> sources = new ArrayDeque<>();
        private final Map<Conversation, Placement> reading = new HashMap<>();
        private final Map<Integer, byte[]> good = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private int pendingStores;
        private int committed;
        private boolean finished;

        Job(RepairTask task) {
            this.task = task;
            this.record = task.record();
            this.layout = SegmentLayout.of(record, parts.aead().tagLength(), parts.codec());
            sources.addAll(task.sources());
        }

        void start() {
            readMore();
        }

        private void readMore() {
            if (good.size() >= record.k()) {
                rebuild();
                return;
            }
            while (good.size() + reading.size() < record.k() && !sources.isEmpty()) {
                Placement p = sources.poll();
                reading.put(Conversation.open(transport, transportParameters, p.address(), this), p);
            }
            if (reading.isEmpty()) {
                finish("only " + good.size() + " of the " + record.k() + " shards needed could be read");
            }
        }

        @Override
        public void opened(Conversation c) {
            Placement p = reading.get(c);
            if (p != null) {
                c.send(new StorageMessage.Read(p.order(), 0, Math.toIntExact(record.shardLength())));
            }
        }

        @Override
        public void message(Conversation c, StorageMessage m) {
            Placement p = reading.remove(c);
            c.finish();
            tally.repairBytesRead += c.bytesReceived;
            if (p == null) {
                return;
            }
            if (m instanceof StorageMessage.Data d && NetClient.intact(record, layout, p.index(), d.data())) {
                good.put(p.index(), d.data());
            } else {
                problems.add("source shard " + p.index() + " on " + p.address() + ": "
                        + (m instanceof StorageMessage.Data ? "does not match its recorded hashes" : NetClient.describe(m)));
            }
            readMore();
        }

        @Override
        public void failed(Conversation c, String why) {
            if (reading.remove(c) != null) {
                problems.add(why);
                readMore();
            }
        }

        private void rebuild() {
            for (Conversation c : reading.keySet()) {
                c.finish();
            }
            reading.clear();
            Map<Integer, byte[]> rebuilt = new HashMap<>();
            for (Placement t : task.targets()) {
                rebuilt.put(t.index(), new byte[Math.toIntExact(record.shardLength())]);
            }
            try {
                for (long s = 0; s < layout.segments(); s++) {
                    int off = Math.toIntExact(layout.pieceOffset(s));
                    int len = layout.pieceLength(s);
                    List<Shard> pieces = new ArrayList<>();
                    for (var e : good.entrySet()) {
                        pieces.add(new Shard(e.getKey(), Arrays.copyOfRange(e.getValue(), off, off + len)));
                    }
                    byte[] sealed = parts.codec().decode(pieces);
                    for (Shard piece : parts.codec().encode(sealed)) {
                        byte[] into = rebuilt.get(piece.index());
                        if (into != null) {
                            System.arraycopy(piece.data(), 0, into, off, len);
                        }
                    }
                }
            } catch (InsufficientShardsException | RuntimeException e) {
                finish("decoding failed: " + e.getMessage());
                return;
            }
            AuditScheme audit = parts.audit(record.audit());
            Parameters auditParameters = ParameterText.bind(audit.descriptor(), record.auditParameters());
            for (Placement t : task.targets()) {
                byte[] shard = rebuilt.get(t.index());
                byte[] sha = SimShardStore.sha256(shard);
                if (!MessageDigest.isEqual(sha, record.shards().get(t.index()).sha256())) {
                    problems.add("rebuilt shard " + t.index() + " has another SHA-256 than the record's; not stored");
                    continue;
                }
                pendingStores++;
                Conversation.open(transport, transportParameters, t.address(), new Conversation.Listener() {
                    @Override
                    public void opened(Conversation c) {
                        NetClient.sendShard(c, t.order(), shard);
                    }

                    @Override
                    public void message(Conversation c, StorageMessage m) {
                        c.finish();
                        tally.repairBytesWritten += c.bytesSent;
                        if (m instanceof StorageMessage.Stored) {
                            try {
                                core.replaceShard(record.fileId(), t.index(), t.nodeId(), sha,
                                        NetClient.auditRecord(audit, auditParameters, shard, random), now());
                                committed++;
                                tally.shardsRepaired++;
                            } catch (RuntimeException e) {
                                problems.add("shard " + t.index() + " stored on " + t.nodeId() + " but not committed: " + e.getMessage());
                            }
                        } else {
                            problems.add("target " + t.address() + " answered " + NetClient.describe(m));
                        }
                        stored();
                    }

                    @Override
                    public void failed(Conversation c, String why) {
                        tally.repairBytesWritten += c.bytesSent;
                        problems.add("storing shard " + t.index() + " failed: " + why);
                        stored();
                    }
                });
            }
            if (pendingStores == 0) {
                finish(null);
            }
        }

        private void stored() {
            if (--pendingStores == 0) {
                finish(null);
            }
        }

        private void finish(String failure) {
            if (finished) {
                return;
            }
            finished = true;
            for (Conversation c : reading.keySet()) {
                c.finish();
            }
            if (failure != null) {
                problems.add(0, failure);
            }
            boolean success = failure == null && committed == task.targets().size();
            if (!success) {
                tally.repairTasksFailed++;
            }
            core.repairFinished(record.fileId(), success, committed + " of " + task.targets().size() + " shard(s) rebuilt"
                    + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)), now());
            busy = false;
            sim.schedule(0, NetRepairWorker.this::nextTask);
        }
    }
}
