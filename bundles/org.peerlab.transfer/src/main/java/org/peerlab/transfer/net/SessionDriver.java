package org.peerlab.transfer.net;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.handshake.SessionKeys;
import org.peerlab.protocol.transfer.FileEntry;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.protocol.transfer.PieceCheck;
import org.peerlab.protocol.transfer.ReceiveSession;
import org.peerlab.protocol.transfer.SendSession;
import org.peerlab.protocol.transfer.TransferListener;
import org.peerlab.protocol.transfer.TransferSession;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

/**
 * Runs one {@link TransferSession} over one connection. Every call into the session happens
 * under this driver's lock, whether it comes from the transport's thread or from a user's
 * decision ({@link #accept()}, {@link #decline()}, {@link #cancel}). The sender's pieces are
 * pumped while the connection accepts more and resumed on {@code onWritable}. A receiving driver
 * may {@linkplain #checkPiecesInBackground() check pieces on worker threads}, so that hashing
 * runs beside decryption; the network thread then waits (holding no lock) whenever
 * {@value #MAX_CHECKING_MIB} MiB of pieces are still being checked, which bounds memory and lets
 * TCP flow control slow the sender.
 */
public final class SessionDriver implements ConnectionHandler {

    /** What the user of a driver hears about; called under the driver's lock, so keep it short. */
    public interface Events {
        default void authenticated(SessionKeys keys, PeerIdentity peer) {
        }

        /** Receiver: answer with {@link SessionDriver#accept()} or {@link SessionDriver#decline()}, now or later. */
        default void offered(SessionDriver driver, Manifest manifest) {
        }

        default void progress(long done, long total, long resumed) {
        }

        default void fileDone(FileEntry file) {
        }
    }

    /** How a session ended: null failure for success. */
    public record Outcome(ProtocolException failure, long bytesSent, long bytesReceived, PeerIdentity peer) {

        public boolean ok() {
            return failure == null;
        }
    }

    /** Most bytes of pieces waiting for their background hash check. */
    static final int MAX_CHECKING_MIB = 8;

    private final Events events;
    private final TransferSession session;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private Connection connection;
    private boolean writable = true;
    private long rateLimit;
    private java.util.concurrent.ScheduledExecutorService timer;
    private long rateStart = -1;
    private boolean wakeScheduled;
    private long sent;
    private long received;
    private java.util.concurrent.ExecutorService checkers;
    private final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(MAX_CHECKING_MIB << 20);
    private int reserved;
    /** Checks offloaded and not yet run. */
    private final java.util.concurrent.atomic.AtomicInteger outstanding = new java.util.concurrent.atomic.AtomicInteger();

    /** @param sessions makes the session, given the listener it must report to */
    public SessionDriver(Function<TransferListener, TransferSession> sessions, Events events) {
        this.events = events;
        this.session = sessions.apply(new Listener());
    }

    /**
     * Checks received pieces' hashes on daemon worker threads (one per spare core, at most four)
     * instead of the network thread; call before the connection opens. The workers stop when the
     * session ends.
     *
     * @return this driver
     */
    public SessionDriver checkPiecesInBackground() {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        checkers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "peerlab-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        outcome.whenComplete((o, e) -> checkers.shutdown());
        return this;
    }

    /** @return completes when the session ends, either way */
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /**
     * @return completes when the connection has closed: after the session's last messages were
     *         handed to the network (wait for it before the process exits)
     */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Waits up to {@code millis} for {@link #closed()}, so that a final message is not lost at exit. */
    public void awaitClosed(long millis) {
        try {
            closed.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // gave it the time it had
        }
    }

    @Override
    public synchronized void onOpen(Connection c) {
        connection = c;
        session.start();
        pump();
    }

    @Override
    public void onFrame(Connection c, ByteBuffer frame) {
        // Room for the piece this frame may carry, taken before the lock, which the checks need to report back.
        int room = checkers == null ? 0 : Math.min(frame.remaining(), MAX_CHECKING_MIB << 20);
        this.room.acquireUninterruptibly(room);
        synchronized (this) {
            reserved = room;
            try {
                frame(frame);
            } finally {
                this.room.release(reserved); // no piece to check in this frame
                reserved = 0;
            }
        }
    }

    private void frame(ByteBuffer frame) {
        byte[] wire;
        if (frame.hasArray() && frame.arrayOffset() == 0 && frame.position() == 0 && frame.remaining() == frame.array().length) {
            wire = frame.array(); // the transport's own fresh frame: no copy needed
        } else {
            wire = new byte[frame.remaining()];
            frame.get(wire);
        }
        received += wire.length;
        session.onMessage(wire);
        pump();
    }

    @Override
    public synchronized void onWritable(Connection c) {
        writable = true;
        pump();
    }

    @Override
    public synchronized void onClosed(Connection c, Throwable cause) {
        closed.complete(null);
        session.connectionLost(cause == null ? "the peer closed the connection" : String.valueOf(cause.getMessage()));
        if (!outcome.isDone()) {
            outcome.complete(new Outcome(new ProtocolException(Reason.CONNECTION_LOST, "connection closed" + (cause == null ? "" : ": " + cause), cause),
                    sent, received, session.peer()));
        }
    }

    public synchronized void accept() {
        ((ReceiveSession) session).accept();
        pump();
    }

    public synchronized void decline() {
        ((ReceiveSession) session).decline();
    }

    /** Stops the session at this side's request; the peer is told why. */
    public synchronized void cancel(String why) {
        session.abort(why);
    }

    /**
     * Limits what this side sends to {@code bytesPerSecond} on average (0: no limit); {@code timer}
     * resumes sending when the budget allows.
     */
    public synchronized void limitRate(long bytesPerSecond, java.util.concurrent.ScheduledExecutorService timer) {
        this.rateLimit = bytesPerSecond;
        this.timer = timer;
    }

    private void pump() {
        if (session instanceof SendSession s) {
            while (writable && connection != null && connection.isOpen() && s.wantsToSend()) {
                if (rateLimit > 0 && overBudget()) {
                    return;
                }
                s.pump();
            }
        }
    }

    /** @return whether sending must wait for the rate limit (a wake-up is then scheduled) */
    private boolean overBudget() {
        long now = System.nanoTime();
        if (rateStart < 0) {
            rateStart = now;
        }
        double allowed = (now - rateStart) / 1e9 * rateLimit + 256 * 1024;
        if (sent <= allowed) {
            return false;
        }
        if (!wakeScheduled) {
            wakeScheduled = true;
            long delayNanos = (long) ((sent - allowed) / rateLimit * 1e9) + 1_000_000;
            timer.schedule(() -> {
                synchronized (SessionDriver.this) {
                    wakeScheduled = false;
                    pump();
                }
            }, delayNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return true;
    }

    private void end(ProtocolException failure) {
        // first the outcome: closing may call onClosed at once, on this very thread
        outcome.complete(new Outcome(failure, sent, received, session.peer()));
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private final class Listener implements TransferListener {
        @Override
        public void send(byte[] message) {
            Connection c = connection;
            if (c == null || !c.isOpen()) {
                return;
            }
            sent += message.length;
            writable = c.send(ByteBuffer.wrap(message));
        }

        @Override
        public boolean offload(PieceCheck check) {
            if (checkers == null) {
                return false;
            }
            int room = reserved;
            try {
                outstanding.incrementAndGet();
                checkers.execute(() -> {
                    try {
                        check.run();
                    } finally {
                        SessionDriver.this.room.release(room); // whatever happened, the network thread must not wait for it
                    }
                    // Only the check that leaves none outstanding hands back: every piece checked by then is
                    // taken in that one call, and while frames arrive the network thread takes checked pieces
                    // as it goes. A hand-back per piece would queue for the lock the network thread holds
                    // while it decrypts and writes.
                    if (outstanding.decrementAndGet() == 0) {
                        synchronized (SessionDriver.this) {
                            ((ReceiveSession) session).checked(check);
                            pump();
                        }
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                outstanding.decrementAndGet();
                return false; // the session is ending: check here
            }
            reserved = 0;
            return true;
        }

        @Override
        public void authenticated(SessionKeys keys, PeerIdentity peer) {
            events.authenticated(keys, peer);
        }

        @Override
        public void offered(Manifest manifest) {
            events.offered(SessionDriver.this, manifest);
        }

        @Override
        public void progress(long done, long total, long resumed) {
            events.progress(done, total, resumed);
        }

        @Override
        public void fileDone(FileEntry file) {
            events.fileDone(file);
        }

        @Override
        public void finished() {
            end(null);
        }

        @Override
        public void failed(ProtocolException failure) {
            end(failure);
        }
    }
}
