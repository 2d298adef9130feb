package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * Test double of the transport family (the real ones are not on this bundle's test class path):
 * in-process connections by address name, each end delivering its events in order on its own
 * thread, without backpressure.
 */
final class MemoryTransportDouble implements Transport {

    private final Map<String, HandlerFactory> listeners = new ConcurrentHashMap<>();

    @Override
    public StrategyDescriptor descriptor() {
        return StrategyDescriptor.of(FAMILY, "memory-double", "test double: in-process frames",
                ParameterSpec.integer("max-frame", "", 1 << 20, 1, 1 << 30), ParameterSpec.integer("high-water", "", 1, 1, 1L << 40),
                ParameterSpec.integer("low-water", "", 0, 0, 1L << 40), ParameterSpec.integer("connect-timeout-ms", "", 1000, 1, 600_000));
    }

    @Override
    public Listener listen(String address, Parameters parameters, HandlerFactory handlers) throws IOException {
        if (listeners.putIfAbsent(address, handlers) != null) {
            throw new IOException(address + " is in use");
        }
        return new Listener() {
            @Override
            public String address() {
                return address;
            }

            @Override
            public void close() {
                listeners.remove(address);
            }
        };
    }

    @Override
    public void connect(String address, Parameters parameters, ConnectionHandler handler) {
        HandlerFactory f = listeners.get(address);
        End client = new End(address, handler);
        if (f == null) {
            client.post(() -> handler.onClosed(client, new IOException("connection refused by " + address)));
            return;
        }
        End server = new End("client-of-" + address, f.newHandler());
        client.peer = server;
        server.peer = client;
        server.post(() -> server.handler.onOpen(server));
        client.post(() -> client.handler.onOpen(client));
    }

    private static final class End implements Connection {
        final String remote;
        final ConnectionHandler handler;
        final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "memory-double");
            t.setDaemon(true);
            return t;
        });
        final AtomicBoolean closed = new AtomicBoolean();
        End peer;

        End(String remote, ConnectionHandler handler) {
            this.remote = remote;
            this.handler = handler;
        }

        void post(Runnable r) {
            try {
                events.execute(r);
            } catch (RejectedExecutionException e) {
                // this end is closed
            }
        }

        @Override
        public String localAddress() {
            return "local";
        }

        @Override
        public String remoteAddress() {
            return remote;
        }

        @Override
        public int maxFrameSize() {
            return 1 << 30;
        }

        @Override
        public boolean send(ByteBuffer frame) {
            if (closed.get()) {
                throw new IllegalStateException("closed");
            }
            byte[] copy = new byte[frame.remaining()];
            frame.duplicate().get(copy);
            End p = peer;
            p.post(() -> {
                if (!p.closed.get()) {
                    p.handler.onFrame(p, ByteBuffer.wrap(copy));
                }
            });
            return true;
        }

        @Override
        public long bufferedBytes() {
            return 0;
        }

        @Override
        public boolean isOpen() {
            return !closed.get();
        }

        @Override
        public void close() {
            end();
            if (peer != null) {
                peer.end();
            }
        }

        private void end() {
            if (closed.compareAndSet(false, true)) {
                post(() -> {
                    handler.onClosed(this, null);
                    events.shutdown();
                });
            }
        }
    }
}
