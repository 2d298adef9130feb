package org.peerlab.storage.net.client;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.client.SegmentOpener;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Transport;

/**
 * Reads the pieces of each segment from the storage nodes: k nodes per segment (healthy nodes
 * first, lowest shard indices first, so that a systematic code decodes without arithmetic), in
 * parallel, one READ of {@value ClientSettings#CHUNK_BYTES} bytes at a time per node, each
 * piece checked against its recorded hash as it completes. A node that fails, goes silent or
 * delivers a bad piece is dropped and its pieces are asked from a spare node. The next segment is
 * requested while the caller handles the current one. Used by one thread.
 */
final class PieceFetcher implements AutoCloseable {

    /** A node that has not answered a READ for this long is dropped. */
    static final long SILENCE_MILLIS = 30_000;

    /** One shard's node. */
    private static final class Source {
        final Placement placement;
        final boolean healthy;
        StorageLink link;
        String unusable;
        final ArrayDeque<Job> jobs = new ArrayDeque<>();

        Source(Placement placement, boolean healthy) {
            this.placement = placement;
            this.healthy = healthy;
        }
    }

    /** Piece {@code segment} of one shard, filled as DATA arrives. */
    private record Job(long segment, byte[] piece, int[] filled) {
    }

    private final SegmentLayout layout;
    private final SegmentOpener opener;
    private final StorageClient.Listener listener;
    private final List<Source> sources = new ArrayList<>();
    private final BlockingQueue<StorageLink.Arrival> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, Map<Integer, byte[]>> done = new HashMap<>();
    private final Map<Long, Set<Integer>> assigned = new HashMap<>();

    /** @param listener told of each node that is dropped after the start */
    PieceFetcher(List<Placement> placements, List<Boolean> healthy, SegmentLayout layout, SegmentOpener opener,
            StorageClient.Listener listener) {
        this.layout = layout;
        this.opener = opener;
        this.listener = listener;
        for (int i = 0; i < placements.size(); i++) {
            sources.add(new Source(placements.get(i), healthy.get(i)));
        }
        sources.sort(Comparator.comparing((Source s) -> !s.healthy).thenComparingInt(s -> s.placement.index()));
    }

    /**
     * Connects to every node of the file at once (spares included) and waits up to
     * {@code timeoutMillis} for the connections.
     *
     * @throws IOException naming how many nodes were reachable if fewer than k were
     */
    void open(Transport tcp, long timeoutMillis) throws IOException {
        var parameters = StorageLink.parameters(tcp, timeoutMillis);
        for (Source s : sources) {
            if (s.placement.address().isEmpty()) {
                s.unusable = "storage node " + s.placement.nodeId() + " (shard " + s.placement.index() + ") has no known address";
            } else {
                s.link = StorageLink.connect(tcp, parameters, s.placement.address(), ShardUploads.label(s.placement) + " (shard "
                        + s.placement.index() + ")", inbox);
            }
        }
        long deadline = System.nanoTime() + (timeoutMillis + 1000) * 1_000_000L;
        int reachable = 0;
        for (Source s : sources) {
            if (s.link != null) {
                try {
                    s.link.awaitOpen(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
                    reachable++;
                } catch (IOException e) {
                    s.unusable = e.getMessage();
                }
            }
        }
        if (reachable < layout.k()) {
            throw new IOException("only " + reachable + " of the file's " + sources.size() + " storage nodes could be reached, "
                    + layout.k() + " are needed: " + reasons());
        }
    }

    /**
     * @return k verified pieces of {@code segment}, by shard index
     * @throws IOException if fewer than k nodes can deliver the segment's pieces
     */
    Map<Integer, byte[]> fetch(long segment) throws IOException {
        schedule(segment);
        if (segment + 1 < layout.segments()) {
            schedule(segment + 1);
        }
        while (done.get(segment).size() < layout.k()) {
            StorageLink.Arrival a;
            try {
                a = inbox.poll(SILENCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading pieces");
            }
            if (a == null) {
                for (Source s : new ArrayList<>(sources)) {
                    if (!s.jobs.isEmpty() && s.unusable == null) {
                        drop(s, "no answer for " + SILENCE_MILLIS / 1000 + " s");
                    }
                }
            } else {
                arrived(a);
            }
        }
        assigned.remove(segment);
        return done.remove(segment);
    }

    private void schedule(long segment) throws IOException {
        if (assigned.containsKey(segment)) {
            return;
        }
        assigned.put(segment, new HashSet<>());
        done.put(segment, new TreeMap<>());
        for (int i = 0; i < layout.k(); i++) {
            assign(segment);
        }
    }

    /** Gives one more piece of {@code segment} to the best usable node not yet asked for it. */
    private void assign(long segment) throws IOException {
        Set<Integer> taken = assigned.get(segment);
        for (Source s : sources) {
            if (s.unusable == null && s.link != null && !taken.contains(s.placement.index())) {
                taken.add(s.placement.index());
                s.jobs.add(new Job(segment, new byte[layout.pieceLength(segment)], new int[1]));
                if (s.jobs.size() == 1) {
                    request(s);
                }
                return;
            }
        }
        throw new IOException("segment " + segment + " cannot be read: " + done.get(segment).size() + " piece(s) in hand, "
                + layout.k() + " needed, and no other node is left: " + reasons());
    }

    private void request(Source s) throws IOException {
        Job j = s.jobs.peek();
        int length = Math.min(ClientSettings.CHUNK_BYTES, j.piece().length - j.filled()[0]);
        try {
            s.link.send(new StorageMessage.Read(s.placement.order(), layout.pieceOffset(j.segment()) + j.filled()[0], length));
        } catch (IOException e) {
            drop(s, e.getMessage());
        }
    }

    private void arrived(StorageLink.Arrival a) throws IOException {
        Source s = sources.stream().filter(x -> x.link == a.link()).findFirst().orElseThrow();
        if (s.unusable != null) {
            return; // dropped already; late answers are ignored
        }
        if (a.message() == null) {
            drop(s, a.failure());
        } else if (a.message() instanceof StorageMessage.Error e) {
            drop(s, e.code() + ": " + e.message());
        } else if (a.message() instanceof StorageMessage.Data d && !s.jobs.isEmpty()) {
            Job j = s.jobs.peek();
            int want = Math.min(ClientSettings.CHUNK_BYTES, j.piece().length - j.filled()[0]);
            if (d.data().length != want) {
                drop(s, "sent " + d.data().length + " bytes for a read of " + want);
                return;
            }
            System.arraycopy(d.data(), 0, j.piece(), j.filled()[0], want);
            j.filled()[0] += want;
            if (j.filled()[0] < j.piece().length) {
                request(s);
                return;
            }
            int index = s.placement.index();
            if (!opener.matches(j.segment(), index, j.piece())) {
                drop(s, "piece " + j.segment() + " of shard " + index + " differs from its recorded hash (the shard is damaged)");
                return;
            }
            s.jobs.poll();
            done.get(j.segment()).put(index, j.piece());
            if (!s.jobs.isEmpty()) {
                request(s);
            }
        } else {
            drop(s, "sent an unexpected " + CoordinatorSession.type(a.message()));
        }
    }

    /** Stops using a node and asks spares for the pieces it still owed. */
    private void drop(Source s, String why) throws IOException {
        s.unusable = why.contains(s.link.label()) ? why : "the " + s.link.label() + ": " + why;
        s.link.close();
        listener.note("dropped " + s.unusable + "; its pieces are read from another node");
        List<Job> owed = new ArrayList<>(s.jobs);
        s.jobs.clear();
        for (Job j : owed) {
            if (assigned.containsKey(j.segment())) {
                assign(j.segment());
            }
        }
    }

    private String reasons() {
        List<String> r = new ArrayList<>();
        for (Source s : sources) {
            if (s.unusable != null) {
                r.add(s.unusable);
            }
        }
        return r.isEmpty() ? "no node reported a problem" : String.join("; ", r);
    }

    @Override
    public void close() {
        sources.stream().filter(s -> s.link != null).forEach(s -> s.link.close());
    }
}
