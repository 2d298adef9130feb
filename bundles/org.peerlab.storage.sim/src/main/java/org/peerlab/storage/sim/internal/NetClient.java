package org.peerlab.storage.sim.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.SimTransport;
import org.peerlab.storage.api.AuditRecordBuilder;
import org.peerlab.storage.client.FileKey;
import org.peerlab.storage.client.ParameterText;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.client.SealedSegment;
import org.peerlab.storage.client.SegmentException;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.client.SegmentOpener;
import org.peerlab.storage.client.SegmentSealer;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Data;
import org.peerlab.storage.wire.StorageMessage.Hello;
import org.peerlab.storage.wire.StorageMessage.Location;
import org.peerlab.storage.wire.StorageMessage.PutAck;
import org.peerlab.storage.wire.StorageMessage.PutPlan;
import org.peerlab.storage.wire.StorageMessage.Stored;

/**
 * The storage client on its simulated host, event-driven on virtual time: puts files of random
 * content (regenerated from the seed, so nothing is kept but the key) as the real client does -
 * PUT_BEGIN, seal and erasure-code with the segment code of {@code org.peerlab.storage.client},
 * STORE each shard on its planned node under its signed order, build each shard's audit record,
 * PUT_COMMIT - and gets them back: LOCATE, READ shards (healthy ones first) until k match their
 * recorded piece hashes, decode, decrypt, and compare with the original bytes. Any failure before
 * the coordinator's PUT_ACK aborts the put, which starts again (new plan) up to {@code put-attempts}
 * times. At most {@code concurrent} operations run at once.
 * Simulation thread only.
 */
final class NetClient {

    /** Wait before a failed put is tried again. */
    private static final long RETRY_AFTER = 60 * Simulator.SECOND;

    private final Simulator sim;
    private final SimTransport transport;
    private final Parameters transportParameters;
    private final String coordinator;
    private final StorageParts parts;
    private final NetworkSetup setup;
    private final NetworkTally tally;
    private final RandomGenerator random;
    private final long contentSeed;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;
    /** Acknowledged files: id to (file number, key). */
    final Map<String, Kept> stored = new LinkedHashMap<>();

    record Kept(int file, FileKey key) {
    }

    NetClient(Simulator sim, SimTransport transport, Parameters transportParameters, String coordinator, StorageParts parts, NetworkSetup setup,
            NetworkTally tally, RandomGenerator random, long contentSeed) {
        this.sim = sim;
        this.transport = transport;
        this.transportParameters = transportParameters;
        this.coordinator = coordinator;
        this.parts = parts;
        this.setup = setup;
        this.tally = tally;
        this.random = random;
        this.contentSeed = contentSeed;
    }

    /** Queues the put of file number {@code file}. */
    void put(int file) {
        submit(() -> new Put(file, 1).start());
    }

    /** Queues a get of every acknowledged file, checking its bytes. */
    void getAll() {
        for (Map.Entry<String, Kept> e : stored.entrySet()) {
            String id = e.getKey();
            Kept s = e.getValue();
            submit(() -> new Get(id, s.file(), s.key()).start());
        }
    }

    /** @return operations running or queued */
    int busy() {
        return running + waiting.size();
    }

    private void submit(Runnable op) {
        waiting.add(op);
        pump();
    }

    private void pump() {
        while (running < setup.concurrent() && !waiting.isEmpty()) {
            running++;
            waiting.poll().run();
        }
    }

    private void done() {
        running--;
        sim.schedule(0, this::pump);
    }

    byte[] content(int file) {
        byte[] b = new byte[setup.fileSize()];
        new SplittableRandom(contentSeed ^ (0x9E3779B97F4A7C15L * (file + 1))).nextBytes(b);
        return b;
    }

    private long now() {
        return sim.now() / Simulator.MS;
    }

    /** One put, from PUT_BEGIN to PUT_ACK. */
    private final class Put implements Conversation.Listener {
        private final int file;
        private final int attempt;
        private final byte[] content;
        private final SegmentLayout layout;
        private Conversation coord;
        private PutPlan plan;
        private FileKey key;
        private byte[][] shards;
        private byte[] pieceHashes;
        private final List<Conversation> stores = new ArrayList<>();
        private int storedCount;
        private boolean ended;

        Put(int file, int attempt) {
            this.file = file;
            this.attempt = attempt;
            this.content = content(file);
            this.layout = SegmentLayout.of(content.length, Math.max(1, content.length), parts.aead().tagLength(), parts.codec());
        }

        void start() {
            coord = Conversation.open(transport, transportParameters, coordinator, this);
        }

        @Override
        public void opened(Conversation c) {
        }

        @Override
        public void message(Conversation c, StorageMessage m) {
            if (c == coord) {
                switch (m) {
                    case Hello h -> c.send(new StorageMessage.PutBegin("file-" + file, layout.size(), layout.shardLength(), layout.k(), layout.n()));
                    case PutPlan p -> planned(p);
                    case PutAck a -> {
                        stored.put(a.fileId(), new Kept(file, key));
                        tally.putsAcknowledged++;
                        end(null);
                    }
                    case StorageMessage.Error e -> end("the coordinator answered " + e.code() + ": " + e.message());
                    default -> end("the coordinator sent an unexpected " + m.getClass().getSimpleName());
                }
            } else if (m instanceof Stored) {
                c.finish();
                if (++storedCount == layout.n()) {
                    commit();
                }
            } else {
                end("node " + c.address() + " answered the store with " + describe(m));
            }
        }

        private void planned(PutPlan p) {
            plan = p;
            if (p.placements().size() != layout.n()) {
                end("the plan has " + p.placements().size() + " placements for " + layout.n() + " shards");
                return;
            }
            key = FileKey.random(parts.aead().keyLength(), random);
            shards = new byte[layout.n()][Math.toIntExact(layout.shardLength())];
            pieceHashes = new byte[Math.toIntExact(PieceHashes.length(layout.segments(), layout.n()))];
            try (SegmentSealer sealer = new SegmentSealer(p.fileId(), layout, parts.aead(), key.key(), parts.codec())) {
                for (long s = 0; s < layout.segments(); s++) {
                    SealedSegment sealed = sealer.seal(s, content, Math.toIntExact(layout.plaintextOffset(s)), layout.plaintextLength(s));
                    for (int i = 0; i < layout.n(); i++) {
                        System.arraycopy(sealed.pieces().get(i), 0, shards[i], Math.toIntExact(layout.pieceOffset(s)), layout.pieceLength(s));
                    }
                    System.arraycopy(sealed.hashes(), 0, pieceHashes, PieceHashes.offset(s, 0, layout.n()), sealed.hashes().length);
                }
            }
            for (Placement pl : p.placements()) {
                byte[] shard = shards[pl.index()];
                stores.add(Conversation.open(transport, transportParameters, pl.address(), new Conversation.Listener() {
                    @Override
                    public void opened(Conversation c) {
                        sendShard(c, pl.order(), shard);
                    }

                    @Override
                    public void message(Conversation c, StorageMessage m) {
                        Put.this.message(c, m);
                    }

                    @Override
                    public void failed(Conversation c, String why) {
                        end("storing shard " + pl.index() + " on " + pl.address() + " failed: " + why);
                    }
                }));
            }
        }

        private void commit() {
            var audit = parts.audit(plan.audit());
            Parameters auditParameters = ParameterText.bind(audit.descriptor(), plan.auditParameters());
            List<FileRecord.ShardEntry> entries = new ArrayList<>();
            for (Placement pl : plan.placements()) {
                byte[] shard = shards[pl.index()];
                entries.add(new FileRecord.ShardEntry(pl.index(), pl.nodeId(), SimShardStore.sha256(shard),
                        NetClient.auditRecord(audit, auditParameters, shard, random)));
            }
            FileRecord record = new FileRecord(plan.fileId(), "file-" + file, layout.size(), layout.segmentSize(), now(),
                    parts.aead().descriptor().name(), key.kdf(), key.kdfParameters(), key.salt(), parts.redundancy(), parts.codecParameters(),
                    layout.k(), layout.n(), layout.shardLength(), plan.audit(), plan.auditParameters(), entries, pieceHashes);
            shards = null;
            coord.send(new StorageMessage.PutCommit(record));
        }

        @Override
        public void failed(Conversation c, String why) {
            end(c == coord ? "the coordinator connection failed: " + why : why);
        }

        private void end(String failure) {
            if (ended) {
                return;
            }
            ended = true;
            for (Conversation s : stores) {
                s.finish();
            }
            if (failure != null) {
                if (attempt < setup.putAttempts()) {
                    tally.putRetries++;
                    sim.schedule(RETRY_AFTER, () -> submit(() -> new Put(file, attempt + 1).start()));
                } else {
                    tally.putFailures++;
                    tally.problem("put of file-" + file + " failed " + attempt + " time(s), last: " + failure);
                }
                if (plan != null) {
                    coord.send(new StorageMessage.PutAbort(plan.fileId(), "the client's upload failed"));
                }
                if (key != null) {
                    key.key().close();
                }
            }
            coord.finish();
            done();
        }
    }

    /** One get: LOCATE, READ until k pieces per segment match, decode, decrypt, compare. */
    private final class Get implements Conversation.Listener {
        private final String id;
        private final int file;
        private final FileKey key;
        private Conversation coord;
        private FileRecord record;
        private SegmentLayout layout;
        private final Queue<Placement> candidates = new ArrayDeque<>();
        private final Map<Integer, byte[]> good = new HashMap<>();
        private final Map<Conversation, Placement> reading = new HashMap<>();
        private boolean ended;

        Get(String id, int file, FileKey key) {
            this.id = id;
            this.file = file;
            this.key = key;
        }

        void start() {
            coord = Conversation.open(transport, transportParameters, coordinator, this);
        }

        @Override
        public void opened(Conversation c) {
        }

        @Override
        public void message(Conversation c, StorageMessage m) {
            if (c == coord) {
                switch (m) {
                    case Hello h -> c.send(new StorageMessage.Locate(id));
                    case Location l -> located(l);
                    case StorageMessage.Error e -> end(false, "the coordinator answered " + e.code() + ": " + e.message());
                    default -> end(false, "the coordinator sent an unexpected " + m.getClass().getSimpleName());
                }
                return;
            }
            Placement p = reading.remove(c);
            c.finish();
            if (p != null && m instanceof Data d && intact(record, layout, p.index(), d.data())) {
                good.put(p.index(), d.data());
            }
            next();
        }

        private void located(Location l) {
            coord.finish();
            record = l.record();
            layout = SegmentLayout.of(record, parts.aead().tagLength(), parts.codec());
            List<Placement> healthy = new ArrayList<>();
            List<Placement> other = new ArrayList<>();
            for (int i = 0; i < l.placements().size(); i++) {
                (l.healthy().get(i) ? healthy : other).add(l.placements().get(i));
            }
            candidates.addAll(healthy);
            candidates.addAll(other);
            next();
        }

        private void next() {
            if (ended) {
                return;
            }
            if (good.size() >= layout.k()) {
                decode();
                return;
            }
            while (good.size() + reading.size() < layout.k() && !candidates.isEmpty()) {
                Placement p = candidates.poll();
                Conversation c = Conversation.open(transport, transportParameters, p.address(), new Conversation.Listener() {
                    @Override
                    public void opened(Conversation conv) {
                        conv.send(new StorageMessage.Read(p.order(), 0, Math.toIntExact(layout.shardLength())));
                    }

                    @Override
                    public void message(Conversation conv, StorageMessage m) {
                        Get.this.message(conv, m);
                    }

                    @Override
                    public void failed(Conversation conv, String why) {
                        reading.remove(conv);
                        next();
                    }
                });
                reading.put(c, p);
            }
            if (reading.isEmpty() && good.size() < layout.k()) {
                end(false, "only " + good.size() + " of the " + layout.k() + " shards needed could be read and matched their hashes");
            }
        }

        private void decode() {
            try (SegmentOpener opener = new SegmentOpener(record, layout, parts.aead(), key.key(), parts.codec(), false)) {
                byte[] out = new byte[Math.toIntExact(layout.size())];
                for (long s = 0; s < layout.segments(); s++) {
                    Map<Integer, byte[]> pieces = new HashMap<>();
                    for (var e : good.entrySet()) {
                        pieces.put(e.getKey(), Arrays.copyOfRange(e.getValue(), Math.toIntExact(layout.pieceOffset(s)),
                                Math.toIntExact(layout.pieceOffset(s)) + layout.pieceLength(s)));
                    }
                    byte[] plain = opener.openMatched(s, pieces);
                    System.arraycopy(plain, 0, out, Math.toIntExact(layout.plaintextOffset(s)), plain.length);
                }
                if (Arrays.equals(out, content(file))) {
                    end(true, null);
                } else {
                    end(false, "decoded bytes differ from what was put");
                }
            } catch (SegmentException | RuntimeException e) {
                end(false, "decoding failed: " + e.getMessage());
            }
        }

        @Override
        public void failed(Conversation c, String why) {
            if (c == coord) {
                end(false, "the coordinator connection failed: " + why);
            }
        }

        private void end(boolean ok, String failure) {
            if (ended) {
                return;
            }
            ended = true;
            for (Conversation c : reading.keySet()) {
                c.finish();
            }
            coord.finish();
            if (ok) {
                tally.getsVerified++;
            } else {
                tally.getFailures++;
                tally.problem("get of " + id + " (file-" + file + ") failed: " + failure);
            }
            done();
        }
    }

    /** Sends one shard under its store order: STORE, the data in frames of at most {@link StorageCodec#MAX_DATA}, STORE_END. */
    static void sendShard(Conversation c, Order order, byte[] shard) {
        c.send(new StorageMessage.Store(order));
        for (int off = 0; off < shard.length; off += StorageCodec.MAX_DATA) {
            c.send(new StorageMessage.StoreData(Arrays.copyOfRange(shard, off, Math.min(shard.length, off + StorageCodec.MAX_DATA))));
        }
        c.send(new StorageMessage.StoreEnd(SimShardStore.sha256(shard)));
    }

    /** @return whether {@code shard} is shard {@code index} of the file as recorded: right length, every piece matching its hash */
    static boolean intact(FileRecord record, SegmentLayout layout, int index, byte[] shard) {
        if (shard.length != layout.shardLength()) {
            return false;
        }
        for (long s = 0; s < layout.segments(); s++) {
            if (!PieceHashes.matches(record, s, index, shard, Math.toIntExact(layout.pieceOffset(s)), layout.pieceLength(s))) {
                return false;
            }
        }
        return true;
    }

    /** @return the verifier record of a shard under a fresh 32-byte secret */
    static byte[] auditRecord(org.peerlab.storage.api.AuditScheme audit, Parameters parameters, byte[] shard, RandomGenerator random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        AuditRecordBuilder b = audit.recordBuilder(parameters, shard.length, secret);
        b.update(shard, 0, shard.length);
        return b.finish();
    }

    static String describe(StorageMessage m) {
        return m instanceof StorageMessage.Error e ? e.code() + ": " + e.message() : m.getClass().getSimpleName();
    }
}
