package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.peerlab.redundancy.api.Shard;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Transport;

/**
 * Reads k intact pieces of each segment from a file's healthy shards for the repair worker. The
 * sources are tried in the order the coordinator gave them (its planner's k first); a source that
 * cannot be reached, answers with an error, or hands out a piece that does not match the
 * record's piece hash is dropped for the rest of the repair and the next one takes its place.
 * Reads are pipelined: each chunk of at most {@value StorageCodec#MAX_DATA} bytes is asked of
 * every source in the batch before any answer is awaited. Used by one thread.
 */
final class PieceSources implements AutoCloseable {

    private static final class Source {
        final Placement placement;
        NodeLink link;
        String failure;

        Source(Placement placement) {
            this.placement = placement;
        }
    }

    private final Transport tcp;
    private final FileRecord record;
    private final List<Source> sources = new ArrayList<>();
    private final long timeoutMillis;
    private final List<String> dropped = new ArrayList<>();

    PieceSources(Transport tcp, FileRecord record, List<Placement> placements, long timeoutMillis) {
        this.tcp = tcp;
        this.record = record;
        this.timeoutMillis = timeoutMillis;
        placements.forEach(p -> sources.add(new Source(p)));
    }

    /** @return why sources were dropped so far, one entry each */
    List<String> dropped() {
        return dropped;
    }

    /**
     * @param offset where the segment's piece starts in every shard
     * @param length the piece's length
     * @return k pieces of the segment that match their recorded hashes, by shard index
     * @throws IOException if fewer than k sources can deliver (the message says why each failed)
     */
    List<Shard> segment(long segment, long offset, int length) throws IOException {
        Map<Integer, byte[]> good = new TreeMap<>();
        Set<Source> tried = new HashSet<>();
        while (good.size() < record.k()) {
            List<Source> batch = batch(record.k() - good.size(), tried);
            if (batch.isEmpty()) {
                throw new IOException("only " + good.size() + " of the " + record.k() + " pieces of segment " + segment
                        + " needed could be read; " + String.join("; ", dropped));
            }
            byte[][] bufs = new byte[batch.size()][length];
            for (int at = 0; at < length; at += StorageCodec.MAX_DATA) {
                int len = Math.min(StorageCodec.MAX_DATA, length - at);
                for (Source s : batch) {
                    if (s.failure == null) {
                        try {
                            s.link.send(new StorageMessage.Read(s.placement.order(), offset + at, len), timeoutMillis);
                        } catch (IOException e) {
                            drop(s, e.getMessage());
                        }
                    }
                }
                for (int i = 0; i < batch.size(); i++) {
                    Source s = batch.get(i);
                    if (s.failure == null) {
                        receive(s, bufs[i], at, len);
                    }
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                Source s = batch.get(i);
                if (s.failure != null) {
                    continue;
                }
                if (PieceHashes.matches(record, segment, s.placement.index(), bufs[i], 0, length)) {
                    good.put(s.placement.index(), bufs[i]);
                } else {
                    drop(s, "its piece of segment " + segment + " does not match the recorded hash");
                }
            }
        }
        List<Shard> pieces = new ArrayList<>();
        good.forEach((index, bytes) -> pieces.add(new Shard(index, bytes)));
        return pieces;
    }

    private List<Source> batch(int count, Set<Source> tried) {
        List<Source> batch = new ArrayList<>();
        for (Source s : sources) {
            if (batch.size() == count) {
                break;
            }
            if (s.failure != null || !tried.add(s)) {
                continue;
            }
            if (s.link == null) {
                try {
                    s.link = NodeLink.open(tcp, s.placement.address(), label(s.placement), timeoutMillis);
                } catch (IOException e) {
                    drop(s, e.getMessage());
                    continue;
                }
            }
            batch.add(s);
        }
        return batch;
    }

    private void receive(Source s, byte[] into, int at, int len) {
        try {
            StorageMessage m = s.link.receive(timeoutMillis);
            if (m instanceof StorageMessage.Data d && d.data().length == len) {
                System.arraycopy(d.data(), 0, into, at, len);
            } else if (m instanceof StorageMessage.Error e) {
                drop(s, "it answered " + e.code() + ": " + e.message());
            } else {
                drop(s, "it answered a read of " + len + " bytes with " + describe(m));
            }
        } catch (IOException e) {
            drop(s, e.getMessage());
        }
    }

    private static String describe(StorageMessage m) {
        return m instanceof StorageMessage.Data d ? d.data().length + " bytes" : m.getClass().getSimpleName().toUpperCase();
    }

    static String label(Placement p) {
        return "node " + p.nodeId() + " at " + p.address() + " (shard " + p.index() + ")";
    }

    private void drop(Source s, String why) {
        s.failure = why;
        dropped.add("source " + label(s.placement) + ": " + why);
        if (s.link != null) {
            s.link.close();
        }
    }

    @Override
    public void close() {
        sources.forEach(s -> {
            if (s.link != null) {
                s.link.close();
            }
        });
    }
}
