package org.peerlab.transport.memory.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * Connections inside one JVM, for tests and experiments on one machine. Addresses are names;
 * an empty name or {@code *} asks for a fresh one.
 */
@Component(service = { Transport.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Transport.FAMILY, Strategy.NAME_PROPERTY + "=memory" })
public class MemoryTransport implements Transport {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "memory",
            "In-process frame channel with bounded send buffers; addresses are names",
            ParameterSpec.integer("max-frame", "largest frame in bytes", 1 << 20, 1, 1 << 30),
            ParameterSpec.integer("high-water", "buffered bytes at which send asks the caller to pause", 4L << 20, 1, 1L << 40),
            ParameterSpec.integer("low-water", "buffered bytes below which the caller is told to resume", 1L << 20, 0, 1L << 40));

    private final Map<String, MemoryListener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "peerlab-memory-transport");
        t.setDaemon(true);
        return t;
    });

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Listener listen(String address, Parameters parameters, HandlerFactory handlers) throws IOException {
        String name = address == null || address.isEmpty() || address.equals("*") ? "memory-" + counter.incrementAndGet() : address;
        MemoryListener listener = new MemoryListener(name, MemoryLimits.from(parameters), handlers);
        if (listeners.putIfAbsent(name, listener) != null) {
            throw new IOException("memory address '" + name + "' is already in use");
        }
        return listener;
    }

    @Override
    public void connect(String address, Parameters parameters, ConnectionHandler handler) {
        MemoryLimits limits = MemoryLimits.from(parameters);
        String local = "memory-client-" + counter.incrementAndGet();
        MemoryConnection client = new MemoryConnection(local, address, handler, pool, limits);
        MemoryListener listener = listeners.get(address);
        if (listener == null) {
            client.fireFailed(new ConnectException("no memory listener at '" + address + "'"));
            return;
        }
        MemoryConnection server = new MemoryConnection(address, local, listener.handlers.newHandler(), pool, listener.limits);
        MemoryConnection.pair(client, server);
        server.fireOpen();
        client.fireOpen();
    }

    @Deactivate
    public void deactivate() {
        pool.shutdownNow();
    }

    private final class MemoryListener implements Listener {
        private final String name;
        private final MemoryLimits limits;
        private final HandlerFactory handlers;

        MemoryListener(String name, MemoryLimits limits, HandlerFactory handlers) {
            this.name = name;
            this.limits = limits;
            this.handlers = handlers;
        }

        @Override
        public String address() {
            return name;
        }

        @Override
        public void close() {
            listeners.remove(name, this);
        }
    }
}
