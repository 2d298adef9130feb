package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Transport;

/**
 * Streams rebuilt shards to their new nodes for the repair worker: STORE with the coordinator's
 * order, every rebuilt piece (checked against the record's piece hash first) as STORE_DATA frames,
 * then STORE_END with the shard's SHA-256 and the node's STORED. Meanwhile each shard's audit
 * record is built with the file's audit scheme and a fresh secret. A target that fails is dropped
 * and the others go on. Used by one thread.
 */
final class ShardTargets implements AutoCloseable {

    /** A shard stored on its new node, ready to commit. */
    record Rebuilt(int index, String nodeId, byte[] sha256, byte[] auditRecord) {
    }

    private static final class Target {
        final Placement placement;
        final MessageDigest sha = PieceHashes.sha256();
        final AuditRecordBuilder audit;
        NodeLink link;
        String failure;

        Target(Placement placement, AuditRecordBuilder audit) {
            this.placement = placement;
            this.audit = audit;
        }
    }

    private final FileRecord record;
    private final List<Target> targets = new ArrayList<>();
    private final long timeoutMillis;
    private final List<String> failures = new ArrayList<>();

    ShardTargets(FileRecord record, List<Placement> placements, AuditScheme audit, Parameters auditParameters, RandomGenerator random,
            long timeoutMillis) {
        this.record = record;
        this.timeoutMillis = timeoutMillis;
        for (Placement p : placements) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            targets.add(new Target(p, audit.recordBuilder(auditParameters, record.shardLength(), secret)));
        }
    }

    /** Connects to every target and sends its STORE order. */
    void open(Transport tcp) throws IOException {
        for (Target t : targets) {
            try {
                t.link = NodeLink.open(tcp, t.placement.address(), PieceSources.label(t.placement), timeoutMillis);
                t.link.send(new StorageMessage.Store(t.placement.order()), timeoutMillis);
            } catch (IOException e) {
                drop(t, e.getMessage());
            }
        }
        requireOne();
    }

    /**
     * Sends each target its piece of {@code segment} from {@code encoded} (all n pieces).
     *
     * @throws IOException if a rebuilt piece differs from the record (the file cannot be rebuilt
     *                     this way) or every target has failed
     */
    void write(long segment, List<Shard> encoded) throws IOException {
        for (Target t : targets) {
            if (t.failure != null) {
                continue;
            }
            int index = t.placement.index();
            byte[] piece = encoded.get(index).data();
            if (!PieceHashes.matches(record, segment, index, piece, 0, piece.length)) {
                throw new IOException("rebuilt piece " + index + " of segment " + segment + " does not match the recorded hash (the file's"
                        + " redundancy " + record.redundancy() + " " + record.redundancyParameters() + " does not reproduce it)");
            }
            t.sha.update(piece);
            t.audit.update(piece, 0, piece.length);
            try {
                for (int at = 0; at < piece.length; at += StorageCodec.MAX_DATA) {
                    int len = Math.min(StorageCodec.MAX_DATA, piece.length - at);
                    t.link.send(new StorageMessage.StoreData(java.util.Arrays.copyOfRange(piece, at, at + len)), timeoutMillis);
                }
                if (t.link.poll() instanceof StorageMessage.Error e) {
                    drop(t, "it refused the shard: " + e.code() + ": " + e.message());
                }
            } catch (IOException e) {
                drop(t, e.getMessage());
            }
        }
        requireOne();
    }

    /** Ends every shard and waits for each node's confirmation. @return the shards stored */
    List<Rebuilt> finish() {
        List<Target> live = targets.stream().filter(t -> t.failure == null).toList();
        List<byte[]> sums = new ArrayList<>();
        for (Target t : live) {
            byte[] sum = t.sha.digest();
            sums.add(sum);
            try {
                t.link.send(new StorageMessage.StoreEnd(sum), timeoutMillis);
            } catch (IOException e) {
                drop(t, e.getMessage());
            }
        }
        List<Rebuilt> done = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            Target t = live.get(i);
            if (t.failure != null) {
                continue;
            }
            try {
                StorageMessage m = t.link.receive(timeoutMillis);
                if (m instanceof StorageMessage.Stored s && s.shard().equals(t.placement.order().shard())) {
                    done.add(new Rebuilt(t.placement.index(), t.placement.nodeId(), sums.get(i), t.audit.finish()));
                } else if (m instanceof StorageMessage.Error e) {
                    drop(t, "it did not store the shard: " + e.code() + ": " + e.message());
                } else {
                    drop(t, "it answered STORE_END with " + m.getClass().getSimpleName().toUpperCase());
                }
            } catch (IOException e) {
                drop(t, e.getMessage());
            }
        }
        return done;
    }

    /** @return why targets failed, one entry each */
    List<String> failures() {
        return failures;
    }

    private void requireOne() throws IOException {
        if (targets.stream().allMatch(t -> t.failure != null)) {
            throw new IOException("every target failed: " + String.join("; ", failures));
        }
    }

    private void drop(Target t, String why) {
        t.failure = why;
        failures.add("target " + PieceSources.label(t.placement) + ": " + why);
        if (t.link != null) {
            t.link.close();
        }
    }

    @Override
    public void close() {
        targets.forEach(t -> {
            if (t.link != null) {
                t.link.close();
            }
        });
    }
}
