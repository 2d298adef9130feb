package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.FileKey;
import org.peerlab.storage.client.ParameterText;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.client.SealedSegment;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.client.SegmentSealer;
import org.peerlab.storage.net.client.CoordinatorSession.CoordinatorGone;
import org.peerlab.storage.net.client.CoordinatorSession.Refused;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage.PutAbort;
import org.peerlab.storage.wire.StorageMessage.PutAck;
import org.peerlab.storage.wire.StorageMessage.PutBegin;
import org.peerlab.storage.wire.StorageMessage.PutCommit;
import org.peerlab.storage.wire.StorageMessage.PutPlan;

/**
 * One put: plan with the coordinator, key, stream the sealed segments to the n nodes, commit.
 * Any failure before the coordinator's PUT_ACK sends PUT_ABORT (best effort) and leaves no key
 * file behind, unless the outcome is unknown (the coordinator went away after the commit was sent
 * and cannot be asked again): then the key is kept, in case the file was stored after all.
 */
final class Uploader {

    static final String GONE = "put failed: the coordinator went away before acknowledging the upload; the file was not stored";

    private final ClientParts parts;
    private final ClientSettings settings;
    private final KeyFiles keys;
    private final StorageClient.Listener listener;
    private final SecureRandom random = new SecureRandom();

    Uploader(ClientParts parts, ClientSettings settings, KeyFiles keys, StorageClient.Listener listener) {
        this.parts = parts;
        this.settings = settings;
        this.keys = keys;
        this.listener = listener;
    }

    String put(Path file, Optional<Secret> password) throws StorageClientException {
        if (!Files.isRegularFile(file)) {
            throw new StorageClientException("put failed: " + file + " is not a regular file");
        }
        Aead aead;
        ClientParts.Codec codec;
        SegmentLayout layout;
        long size;
        try {
            size = Files.size(file);
            aead = parts.aead(settings.aead());
            codec = parts.codec(settings.redundancy(), settings.k(), settings.n());
            layout = SegmentLayout.of(size, settings.segmentSize(), aead.tagLength(), codec.codec());
            JitWarmup.startFor(aead, size);
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageClientException("put failed: " + e.getMessage(), e);
        }
        if (PieceHashes.length(layout.segments(), layout.n()) > StorageCodec.MAX_FRAME / 2) {
            throw new StorageClientException("put failed: " + file + " would need " + layout.segments() + " segments of "
                    + settings.segmentSize() + " bytes, more than a file record holds; raise segment-size in the configuration");
        }
        String name = file.getFileName().toString();
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
                CoordinatorSession coordinator = CoordinatorSession.open(parts.tcp(), settings.coordinator(), ClientSettings.CONNECT_MILLIS)) {
            PutPlan plan = coordinator.request(new PutBegin(name, size, layout.shardLength(), layout.k(), layout.n()), PutPlan.class,
                    ClientSettings.ANSWER_MILLIS);
            checkPlan(plan, layout);
            listener.note("storing " + name + " as file " + plan.fileId() + " (" + layout.k() + "-of-" + layout.n() + " " + settings.redundancy()
                    + " on " + layout.n() + " nodes, " + settings.aead() + ")");
            return upload(source, name, layout, aead, codec, plan, coordinator, password);
        } catch (Refused r) {
            throw new StorageClientException("put failed: the coordinator refused the upload: " + r.getMessage());
        } catch (IOException e) {
            throw new StorageClientException("put failed: " + e.getMessage(), e);
        }
    }

    private String upload(FileChannel source, String name, SegmentLayout layout, Aead aead, ClientParts.Codec codec, PutPlan plan,
            CoordinatorSession coordinator, Optional<Secret> password) throws StorageClientException {
        String id = plan.fileId();
        FileKey key = null;
        boolean committing = false;
        boolean done = false;
        boolean keepKey = false;
        try {
            key = password.isPresent() ? FileKey.fromPassword(parts.kdf(settings.kdf()), password.get(), aead.keyLength(), random)
                    : FileKey.random(aead.keyLength(), random);
            if (password.isEmpty()) {
                keys.write(id, key.key());
            }
            AuditScheme audit = parts.audit(plan.audit());
            List<FileRecord.ShardEntry> entries;
            byte[] pieceHashes = new byte[Math.toIntExact(PieceHashes.length(layout.segments(), layout.n()))];
            try (ShardUploads shards = new ShardUploads(plan.placements(), layout.shardLength(), audit,
                    ParameterText.bind(audit.descriptor(), plan.auditParameters()), random);
                    SegmentPipeline pipeline = new SegmentPipeline(source, layout, sealers(id, layout, aead, key.key(), codec))) {
                shards.open(parts.tcp(), ClientSettings.CONNECT_MILLIS);
                for (long s = 0; s < layout.segments(); s++) {
                    SealedSegment sealed = pipeline.next();
                    System.arraycopy(sealed.hashes(), 0, pieceHashes, PieceHashes.offset(s, 0, layout.n()), sealed.hashes().length);
                    shards.write(sealed);
                    if (coordinator.failure() != null) {
                        throw new CoordinatorGone(coordinator.failure());
                    }
                    listener.progress(layout.plaintextOffset(s) + layout.plaintextLength(s), layout.size());
                }
                entries = shards.finish(ClientSettings.STORED_MILLIS);
            }
            FileRecord record = new FileRecord(id, name, layout.size(), layout.segmentSize(), System.currentTimeMillis(), settings.aead(),
                    key.kdf(), key.kdfParameters(), key.salt(), settings.redundancy(), codec.parameters(), layout.k(), layout.n(),
                    layout.shardLength(), plan.audit(), plan.auditParameters(), entries, pieceHashes);
            committing = true;
            coordinator.request(new PutCommit(record), PutAck.class, ClientSettings.STORED_MILLIS);
            done = true;
            return id;
        } catch (Refused r) {
            throw new StorageClientException("put failed: the coordinator refused the commit of file " + id + ": " + r.getMessage());
        } catch (IOException | RuntimeException e) {
            if (committing && e instanceof IOException) {
                // the commit was sent: the coordinator may have stored the record before going away or falling silent
                Boolean stored = storedAfterAll(id);
                if (Boolean.TRUE.equals(stored)) {
                    listener.note("no acknowledgement came for file " + id + ", but the coordinator has it: the put succeeded");
                    done = true;
                    return id;
                }
                keepKey = stored == null;
                throw new StorageClientException(stored == null ? "put failed: " + e.getMessage() + "; the commit of file " + id
                        + " was sent, so whether the file was stored is unknown: check with `peerlab storage info " + id
                        + "` when the coordinator is back" + (password.isEmpty() ? " (its key stays in " + keys.path(id) + ")" : "")
                        : GONE + " (" + e.getMessage() + ")");
            }
            if (e instanceof CoordinatorGone || coordinator.failure() != null) {
                throw new StorageClientException(GONE + " (" + (coordinator.failure() != null ? coordinator.failure() : e.getMessage()) + ")");
            }
            throw new StorageClientException("put failed: " + e.getMessage() + "; file " + id + " was not stored", e);
        } finally {
            if (!done) {
                abort(coordinator, id, password.isEmpty() && !keepKey);
            }
            if (key != null) {
                key.key().close();
            }
        }
    }

    /** @return whether a coordinator at the same address has the file now; null if it cannot be asked */
    private Boolean storedAfterAll(String id) {
        try {
            new StorageClient(parts, settings, keys, StorageClient.Listener.NONE).info(id);
            return true;
        } catch (StorageClient.NotFound e) {
            return false;
        } catch (StorageClientException e) {
            return null;
        }
    }

    private void abort(CoordinatorSession coordinator, String id, boolean randomKey) {
        if (coordinator.failure() == null) {
            try {
                coordinator.send(new PutAbort(id, "the client's upload failed"));
            } catch (IOException e) {
                // best effort: the coordinator forgets the plan when its orders expire
            }
        }
        if (randomKey) {
            keys.delete(id);
        }
    }

    private static List<SegmentSealer> sealers(String id, SegmentLayout layout, Aead aead, Secret key, ClientParts.Codec codec) {
        List<SegmentSealer> list = new ArrayList<>();
        for (int i = 0; i < SegmentPipeline.workersFor(layout, Runtime.getRuntime().maxMemory()); i++) {
            list.add(new SegmentSealer(id, layout, aead, key, codec.codec()));
        }
        return list;
    }

    private static void checkPlan(PutPlan plan, SegmentLayout layout) throws IOException {
        String why = null;
        if (!KeyFiles.FILE_ID.matcher(plan.fileId()).matches()) {
            why = "file id '" + plan.fileId() + "' is not 32 lower-case hex characters";
        } else if (plan.placements().size() != layout.n()) {
            why = plan.placements().size() + " placements for " + layout.n() + " shards";
        } else {
            for (int i = 0; i < layout.n() && why == null; i++) {
                Placement p = plan.placements().get(i);
                Order o = p.order();
                if (p.index() != i || o.op() != Order.Op.STORE || !o.shard().equals(Order.shardName(plan.fileId(), i))
                        || !o.nodeId().equals(p.nodeId()) || o.length() != layout.shardLength()) {
                    why = "placement " + i + " does not carry a store order for shard " + Order.shardName(plan.fileId(), i) + " of "
                            + layout.shardLength() + " bytes";
                } else if (p.address().isEmpty()) {
                    why = "node " + p.nodeId() + " has no address";
                }
            }
        }
        if (why != null) {
            throw new IOException("the coordinator's plan is unusable: " + why);
        }
    }
}
