package org.peerlab.transport.tcp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
 * Frames over TCP: each frame is a 4-byte big-endian length and the frame's bytes. Addresses
 * are {@code host:port}; port 0 when listening picks a free port, reported by the listener.
 * All I/O and callbacks run on one selector thread per transport service.
 */
@Component(service = { Transport.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Transport.FAMILY, Strategy.NAME_PROPERTY + "=tcp" })
public class TcpTransport implements Transport {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "tcp",
            "Length-prefixed frames over TCP, non-blocking, with bounded send buffers; addresses are host:port",
            ParameterSpec.integer("max-frame", "largest frame in bytes", 4 << 20, 1, 1 << 30),
            ParameterSpec.integer("high-water", "buffered bytes at which send asks the caller to pause", 4L << 20, 1, 1L << 40),
            ParameterSpec.integer("low-water", "buffered bytes below which the caller is told to resume", 1L << 20, 0, 1L << 40),
            ParameterSpec.integer("connect-timeout-ms", "how long a connection attempt may take", 10_000, 1, 600_000));

    private EventLoop loop;

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    private synchronized EventLoop loop() {
        if (loop == null) {
            loop = new EventLoop("peerlab-tcp");
        }
        return loop;
    }

    @Deactivate
    public synchronized void deactivate() {
        if (loop != null) {
            loop.shutdown();
            loop = null;
        }
    }

    /** Parses {@code host:port} (IPv6 hosts in brackets). */
    static InetSocketAddress parse(String address) {
        int colon = address == null ? -1 : address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("tcp address '" + address + "' must be host:port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tcp address '" + address + "' has no valid port", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("tcp port " + port + " is outside 0..65535");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    static String format(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    @Override
    public Listener listen(String address, Parameters parameters, HandlerFactory handlers) throws IOException {
        TcpLimits limits = TcpLimits.from(parameters);
        EventLoop l = loop();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(parse(address));
            server.configureBlocking(false);
        } catch (IOException | IllegalArgumentException e) {
            server.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        String bound = format((InetSocketAddress) server.getLocalAddress());
        CompletableFuture<Void> registered = new CompletableFuture<>();
        l.execute(() -> {
            try {
                server.register(l.selector(), SelectionKey.OP_ACCEPT, (EventLoop.Handler) key -> accept(server, limits, handlers, l));
                registered.complete(null);
            } catch (IOException e) {
                registered.completeExceptionally(e);
            }
        });
        try {
            registered.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IOException("interrupted while starting to listen on " + bound, e);
        } catch (ExecutionException e) {
            server.close();
            throw new IOException("cannot listen on " + bound + ": " + e.getCause().getMessage(), e.getCause());
        }
        return new Listener() {
            @Override
            public String address() {
                return bound;
            }

            @Override
            public void close() {
                l.execute(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // closing: nothing left to do with it
                    }
                });
            }
        };
    }

    private static void accept(ServerSocketChannel server, TcpLimits limits, HandlerFactory handlers, EventLoop l) {
        try {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                TcpConnection c = new TcpConnection(l, ch, handlers.newHandler(), limits, format((InetSocketAddress) ch.getLocalAddress()),
                        format((InetSocketAddress) ch.getRemoteAddress()), Long.MAX_VALUE);
                c.register(true);
            }
        } catch (IOException e) {
            System.getLogger(TcpTransport.class.getName()).log(System.Logger.Level.WARNING, "accepting a tcp connection failed", e);
        }
    }

    @Override
    public void connect(String address, Parameters parameters, ConnectionHandler handler) {
        TcpLimits limits = TcpLimits.from(parameters);
        EventLoop l = loop();
        l.execute(() -> {
            SocketChannel ch = null;
            TcpConnection c = null;
            try {
                InetSocketAddress target = parse(address);
                ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                c = new TcpConnection(l, ch, handler, limits, "unbound", address,
                        System.nanoTime() + limits.connectTimeoutMillis() * 1_000_000L);
                boolean now = ch.connect(target);
                c.register(now);
            } catch (IOException | IllegalArgumentException e) {
                if (c == null) {
                    c = new TcpConnection(l, ch, handler, limits, "unbound", address, 0);
                }
                c.closeNow(e instanceof java.nio.channels.UnresolvedAddressException
                        ? new java.net.UnknownHostException("cannot resolve " + address) : e);
            }
        });
    }
}
