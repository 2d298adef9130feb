package org.peerlab.storage.net.client;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.client.SealedSegment;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Transport;

/**
 * The n shard uploads of one put, one connection per storage node: STORE with the coordinator's
 * order, the shard's pieces as STORE_DATA frames of {@value ClientSettings#CHUNK_BYTES} bytes,
 * STORE_END with the shard's SHA-256, then STORED. While the bytes stream past, each shard's
 * SHA-256 and its audit record (audit scheme of the plan, a fresh random 32-byte secret per
 * shard) are computed. A node that refuses, fails or goes away fails the whole upload. Used by one
 * thread.
 */
final class ShardUploads implements AutoCloseable {

    private final List<Placement> placements;
    private final BlockingQueue<StorageLink.Arrival> inbox = new LinkedBlockingQueue<>();
    private final List<StorageLink> links = new ArrayList<>();
    private final MessageDigest[] digests;
    private final AuditRecordBuilder[] builders;

    ShardUploads(List<Placement> placements, long shardLength, AuditScheme audit, Parameters auditParameters, RandomGenerator random) {
        this.placements = List.copyOf(placements);
        int n = placements.size();
        this.digests = new MessageDigest[n];
        this.builders = new AuditRecordBuilder[n];
        for (int i = 0; i < n; i++) {
            digests[i] = PieceHashes.sha256();
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            builders[i] = audit.recordBuilder(auditParameters, shardLength, secret);
        }
    }

    static String label(Placement p) {
        return "storage node " + p.nodeId() + " at " + p.address();
    }

    /** Connects to every node (in parallel) and sends each its STORE order. */
    void open(Transport tcp, long timeoutMillis) throws IOException {
        var parameters = StorageLink.parameters(tcp, timeoutMillis);
        for (Placement p : placements) {
            links.add(StorageLink.connect(tcp, parameters, p.address(), label(p) + " (shard " + p.index() + ")", inbox));
        }
        for (StorageLink l : links) {
            l.awaitOpen(timeoutMillis + 1000);
        }
        for (int i = 0; i < links.size(); i++) {
            links.get(i).send(new StorageMessage.Store(placements.get(i).order()));
        }
    }

    /** Streams piece i of the segment to node i, after feeding it to shard i's digest and audit record. */
    void write(SealedSegment segment) throws IOException {
        check();
        for (int i = 0; i < links.size(); i++) {
            byte[] piece = segment.pieces().get(i);
            digests[i].update(piece);
            builders[i].update(piece, 0, piece.length);
            for (int at = 0; at < piece.length; at += ClientSettings.CHUNK_BYTES) {
                links.get(i).sendStoreData(piece, at, Math.min(ClientSettings.CHUNK_BYTES, piece.length - at));
            }
        }
    }

    /** @throws IOException if a node has refused its shard or gone away (answers are not awaited) */
    void check() throws IOException {
        StorageLink.Arrival a = inbox.poll();
        if (a != null) {
            throw problem(a);
        }
    }

    /**
     * Ends every shard and waits until each node has stored its shard.
     *
     * @return the record's shard entries: node, SHA-256, audit record
     * @throws IOException if a node refuses, fails or does not confirm within {@code timeoutMillis}
     */
    List<FileRecord.ShardEntry> finish(long timeoutMillis) throws IOException {
        check();
        byte[][] sums = new byte[links.size()][];
        for (int i = 0; i < links.size(); i++) {
            sums[i] = digests[i].digest();
            links.get(i).send(new StorageMessage.StoreEnd(sums[i]));
        }
        boolean[] stored = new boolean[links.size()];
        int left = links.size();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (left > 0) {
            StorageLink.Arrival a;
            try {
                a = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the storage nodes");
            }
            if (a == null) {
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < stored.length; i++) {
                    if (!stored[i]) {
                        missing.add(links.get(i).label());
                    }
                }
                throw new IOException("no confirmation within " + timeoutMillis / 1000 + " s from " + String.join(", ", missing));
            }
            int i = links.indexOf(a.link());
            String expected = placements.get(i).order().shard();
            if (a.message() instanceof StorageMessage.Stored s && s.shard().equals(expected) && !stored[i]) {
                stored[i] = true;
                left--;
            } else {
                throw problem(a);
            }
        }
        List<FileRecord.ShardEntry> entries = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            entries.add(new FileRecord.ShardEntry(i, placements.get(i).nodeId(), sums[i], builders[i].finish()));
        }
        return entries;
    }

    private static IOException problem(StorageLink.Arrival a) {
        if (a.message() == null) {
            return new IOException(a.failure());
        }
        if (a.message() instanceof StorageMessage.Error e) {
            return new IOException("the " + a.link().label() + " refused it: " + e.code() + ": " + e.message());
        }
        return new IOException("the " + a.link().label() + " sent an unexpected " + CoordinatorSession.type(a.message()));
    }

    @Override
    public void close() {
        links.forEach(StorageLink::close);
    }
}
