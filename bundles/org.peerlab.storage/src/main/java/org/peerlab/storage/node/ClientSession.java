package org.peerlab.storage.node;

import java.io.IOException;
import java.util.Optional;

import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.Order;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Read;
import org.peerlab.storage.wire.StorageMessage.Store;
import org.peerlab.storage.wire.StorageMessage.StoreData;
import org.peerlab.storage.wire.StorageMessage.StoreEnd;

/**
 * One client connection of a {@link NodeCore}: at most one STORE in progress, READs between
 * them. After a refused STORE the data that follows is ignored until the STORE_END (or the next
 * STORE or READ), so that the client reads exactly one answer per request.
 */
final class ClientSession {

    private enum State {
        IDLE, STORING, DISCARDING
    }

    private final NodeCore core;
    private final long id;
    private State state = State.IDLE;
    private Order order;
    private ShardStore.Writer writer;
    private long lastActivity;

    ClientSession(NodeCore core, long id, long nowMillis) {
        this.core = core;
        this.id = id;
        this.lastActivity = nowMillis;
    }

    void handle(StorageMessage m, String type, long now) {
        lastActivity = now;
        switch (m) {
            case Store s -> store(s.order(), now);
            case StoreData d -> data(d.data());
            case StoreEnd e -> end(e.sha256());
            case Read r -> read(r, now);
            default -> refuse(ErrorCode.UNEXPECTED, "a storage node does not answer " + type + " from clients");
        }
    }

    void tick(long now) {
        if (state == State.STORING && now - lastActivity > NodeCore.STORE_IDLE_MILLIS) {
            core.drop(id, ErrorCode.UNEXPECTED, "no data for shard " + order.shard() + " for " + NodeCore.STORE_IDLE_MILLIS / 1000
                    + " s: upload abandoned");
        }
    }

    /** The connection is gone: drop a write in progress. */
    void abandon() {
        if (state == State.STORING) {
            core.output.log("connection " + id + " closed while storing " + order.shard() + " (" + writer.written() + " of "
                    + order.length() + " bytes): discarded");
            release();
        }
        state = State.IDLE;
    }

    private void store(Order o, long now) {
        if (state == State.STORING) {
            core.drop(id, ErrorCode.UNEXPECTED, "STORE of " + o.shard() + " while " + order.shard() + " was still being stored");
            return;
        }
        state = State.DISCARDING; // until the order is accepted
        Optional<StorageMessage.Error> problem = OrderCheck.problem(o, Order.Op.STORE, core.nodeId, core.coordinatorKey, core.signature,
                now);
        if (problem.isPresent()) {
            refuse(problem.get().code(), problem.get().message());
            return;
        }
        String shard = o.shard();
        if (o.length() > core.store.quota()) {
            refuse(ErrorCode.TOO_LARGE, "shard " + shard + " of " + o.length() + " bytes is larger than this node's whole quota of "
                    + core.store.quota() + " bytes");
            return;
        }
        if (core.inProgress.contains(shard)) {
            refuse(ErrorCode.UNEXPECTED, "shard " + shard + " is being stored by another connection");
            return;
        }
        try {
            writer = core.store.begin(shard, o.length());
        } catch (QuotaExceededException e) {
            refuse(ErrorCode.QUOTA, "no room for shard " + shard + ": " + e.getMessage());
            return;
        } catch (IOException | IllegalArgumentException e) {
            refuse(ErrorCode.INTERNAL, "cannot store shard " + shard + ": " + e.getMessage());
            return;
        }
        core.inProgress.add(shard);
        order = o;
        state = State.STORING;
    }

    private void data(byte[] bytes) {
        switch (state) {
            case IDLE -> {
                refuse(ErrorCode.UNEXPECTED, "STORE_DATA without a STORE");
                state = State.DISCARDING;
            }
            case DISCARDING -> {
                // the STORE was refused; its data is ignored
            }
            case STORING -> {
                if (bytes.length > order.length() - writer.written()) {
                    fail(ErrorCode.TOO_LARGE, "shard " + order.shard() + " carries more than the " + order.length()
                            + " bytes its order allows");
                    return;
                }
                try {
                    writer.write(bytes, 0, bytes.length);
                } catch (IOException e) {
                    fail(ErrorCode.INTERNAL, "cannot write shard " + order.shard() + ": " + e.getMessage());
                }
            }
        }
    }

    private void end(byte[] sha256) {
        switch (state) {
            case IDLE -> refuse(ErrorCode.UNEXPECTED, "STORE_END without a STORE");
            case DISCARDING -> state = State.IDLE; // the refused upload is over
            case STORING -> {
                String shard = order.shard();
                if (writer.written() != order.length()) {
                    fail(ErrorCode.CORRUPT, "shard " + shard + " ended after " + writer.written() + " of its " + order.length() + " bytes");
                    state = State.IDLE;
                    return;
                }
                try {
                    writer.commit(sha256);
                    core.inProgress.remove(shard);
                    writer = null;
                    state = State.IDLE;
                    core.send(id, new StorageMessage.Stored(shard));
                    core.output.log("stored " + shard + " (" + order.length() + " bytes)");
                } catch (CorruptShardException e) {
                    fail(ErrorCode.CORRUPT, "shard " + shard + " not stored: " + e.getMessage());
                    state = State.IDLE;
                } catch (IOException e) {
                    fail(ErrorCode.INTERNAL, "shard " + shard + " not stored: " + e.getMessage());
                    state = State.IDLE;
                }
            }
        }
    }

    private void read(Read r, long now) {
        if (state == State.STORING) {
            core.drop(id, ErrorCode.UNEXPECTED, "READ while shard " + order.shard() + " was still being stored");
            return;
        }
        state = State.IDLE;
        Order o = r.order();
        Optional<StorageMessage.Error> problem = OrderCheck.problem(o, Order.Op.READ, core.nodeId, core.coordinatorKey, core.signature,
                now);
        if (problem.isPresent()) {
            refuse(problem.get().code(), problem.get().message());
            return;
        }
        String shard = o.shard();
        try {
            Optional<ShardStore.Reader> opened = core.store.open(shard);
            if (opened.isEmpty()) {
                refuse(ErrorCode.NOT_FOUND, "shard " + shard + " not found on this node");
                return;
            }
            try (ShardStore.Reader reader = opened.get()) {
                long length = reader.length();
                if (length != o.length()) {
                    refuse(ErrorCode.CORRUPT, "shard " + shard + " holds " + length + " bytes but its order says " + o.length()
                            + ": it is damaged");
                } else if (r.offset() > length - r.length()) {
                    refuse(ErrorCode.TOO_LARGE, "read of " + r.length() + " bytes at " + r.offset() + " is outside shard " + shard + " of "
                            + length + " bytes");
                } else {
                    byte[] bytes = new byte[r.length()];
                    reader.read(r.offset(), bytes, 0, bytes.length);
                    core.send(id, new StorageMessage.Data(bytes));
                }
            }
        } catch (CorruptShardException e) {
            refuse(ErrorCode.CORRUPT, "shard " + shard + " is damaged: " + e.getMessage());
        } catch (IOException e) {
            refuse(ErrorCode.INTERNAL, "cannot read shard " + shard + ": " + e.getMessage());
        }
    }

    /** Answers with an error; the connection stays open. */
    private void refuse(ErrorCode code, String message) {
        core.output.log("connection " + id + ": " + code + ": " + message);
        core.error(id, code, message);
    }

    /** Abandons the write in progress and answers with an error; later data of it is ignored. */
    private void fail(ErrorCode code, String message) {
        release();
        state = State.DISCARDING;
        refuse(code, message);
    }

    private void release() {
        writer.abort();
        core.inProgress.remove(order.shard());
        writer = null;
    }
}
