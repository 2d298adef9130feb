package org.peerlab.transport.tcp.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.FramingException;
import org.peerlab.transport.api.StreamFramer;

/**
 * One TCP connection. Sends are queued from any thread and written by the event loop; the
 * bytes queued and not yet written count as buffered. Reads are cut into frames by a
 * {@link StreamFramer}. All callbacks run on the event loop.
 */
final class TcpConnection implements Connection, EventLoop.Handler {

    private static final int READ_BUFFER = 1 << 20;

    private final EventLoop loop;
    private final SocketChannel channel;
    private final ConnectionHandler handler;
    private final TcpLimits limits;
    private final StreamFramer framer;
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private volatile String local;
    private final String remote;
    private final long connectDeadline;
    private SelectionKey key;
    private boolean open;
    private boolean closed;

    TcpConnection(EventLoop loop, SocketChannel channel, ConnectionHandler handler, TcpLimits limits, String local, String remote,
            long connectDeadline) {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.limits = limits;
        this.framer = new StreamFramer(limits.maxFrame());
        this.local = local;
        this.remote = remote;
        this.connectDeadline = connectDeadline;
    }

    /** On the loop: registers the channel; {@code connected} for accepted sockets. */
    void register(boolean connected) throws IOException {
        key = channel.register(loop.selector(), connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
        if (connected) {
            opened();
        }
    }

    private void opened() {
        open = true;
        try {
            local = TcpTransport.format((java.net.InetSocketAddress) channel.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            // keep the provisional name
        }
        call(() -> handler.onOpen(this));
    }

    @Override
    public void ready(SelectionKey k) {
        try {
            if (k.isConnectable()) {
                channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ | (outbound.isEmpty() ? 0 : SelectionKey.OP_WRITE));
                opened();
            }
            if (k.isValid() && k.isReadable()) {
                read();
            }
            if (k.isValid() && k.isWritable()) {
                write();
            }
        } catch (IOException e) {
            closeNow(e);
        }
    }

    @Override
    public void tick(long now) {
        if (!open && !closed && now > connectDeadline) {
            closeNow(new ConnectException("connecting to " + remote + " timed out"));
        }
    }

    private void read() throws IOException {
        while (!closed) {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                closeNow(framer.midFrame() ? new EOFException("connection to " + remote + " ended in the middle of a frame") : null);
                return;
            }
            if (n == 0) {
                return;
            }
            readBuffer.flip();
            List<ByteBuffer> frames;
            try {
                frames = framer.feed(readBuffer);
            } catch (FramingException e) {
                closeNow(e);
                return;
            }
            for (ByteBuffer f : frames) {
                if (closed) {
                    return;
                }
                call(() -> handler.onFrame(this, f)); // a fresh buffer per frame: nothing else holds it
            }
        }
    }

    private void write() throws IOException {
        while (true) {
            ByteBuffer head;
            synchronized (outbound) {
                head = outbound.peek();
                if (head == null) {
                    key.interestOps(SelectionKey.OP_READ);
                    break;
                }
            }
            int n = channel.write(head);
            buffered.addAndGet(-n);
            if (head.hasRemaining()) {
                break; // the socket buffer is full; OP_WRITE stays set
            }
            synchronized (outbound) {
                outbound.poll();
            }
        }
        if (buffered.get() <= limits.lowWater() && paused.compareAndSet(true, false)) {
            call(() -> handler.onWritable(this));
        }
        if (closing.get() && buffered.get() == 0) {
            closeNow(null);
        }
    }

    @Override
    public boolean send(ByteBuffer frame) {
        if (closing.get() || closed) {
            throw new IllegalStateException("tcp connection " + local + " -> " + remote + " is closed");
        }
        if (frame.remaining() > limits.maxFrame()) {
            throw new IllegalArgumentException("frame of " + frame.remaining() + " bytes exceeds the maximum of " + limits.maxFrame());
        }
        ByteBuffer wire = StreamFramer.encode(frame);
        frame.position(frame.limit());
        long total = buffered.addAndGet(wire.remaining());
        synchronized (outbound) {
            outbound.add(wire);
        }
        loop.execute(this::wantWrite);
        if (total < limits.highWater()) {
            return true;
        }
        paused.set(true);
        if (buffered.get() <= limits.lowWater() && paused.compareAndSet(true, false)) {
            loop.execute(() -> call(() -> handler.onWritable(this)));
        }
        return false;
    }

    private void wantWrite() {
        if (open && !closed && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            loop.execute(() -> {
                if (buffered.get() == 0 || !open) {
                    closeNow(null);
                }
                // else: write() closes once the queue has drained
            });
        }
    }

    /** On the loop: closes the socket and tells the handler, once. */
    void closeNow(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        closing.set(true);
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // already broken; the cause below is what matters
        }
        synchronized (outbound) {
            outbound.clear();
        }
        handler.onClosed(this, cause);
    }

    /** Runs a handler callback; a handler that throws closes its own connection. */
    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            closeNow(new IllegalStateException("connection handler failed: " + e, e));
        }
    }

    @Override
    public String localAddress() {
        return local;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public int maxFrameSize() {
        return limits.maxFrame();
    }

    @Override
    public long bufferedBytes() {
        return buffered.get();
    }

    @Override
    public boolean isOpen() {
        return !closing.get() && !closed;
    }
}
