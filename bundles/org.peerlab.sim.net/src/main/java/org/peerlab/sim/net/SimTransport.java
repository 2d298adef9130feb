package org.peerlab.sim.net;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Objects;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * The transport strategy {@code sim}: reliable frame connections over the simulated stream
 * protocol of a {@link SimNetwork}, on virtual time. Frames travel as a 4-byte length plus the
 * frame on a TCP-like byte stream (as with {@code tcp}), so throughput, loss sensitivity and
 * fairness come from the packet model.
 *
 * <p>One instance belongs to one {@link Host} ({@link Host#transport()}): it listens there and
 * connects from there. Addresses are {@code host:port}; to {@link #listen} the host part may be
 * this host's name, empty or {@code *}, and port 0 picks a free port.
 *
 * <p>Unlike other transports this one is <b>not registered as an OSGi Declarative Services
 * component</b>: it needs a simulated network and host, so the simulation creates it. It is
 * <b>not thread-safe</b>: call it, and its connections, on the simulation thread only (or before
 * the run starts). Handlers run on the simulation thread at the virtual time of each event.
 */
public final class SimTransport implements Transport {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "sim",
            "Simulated TCP-like streams over a simulated packet network, on virtual time; addresses are host:port",
            ParameterSpec.integer("max-frame", "largest frame in bytes", 4 << 20, 1, 1 << 30),
            ParameterSpec.integer("high-water", "unacknowledged stream bytes at which send asks the caller to pause", 4L << 20, 1, 1L << 40),
            ParameterSpec.integer("low-water", "unacknowledged stream bytes below which the caller is told to resume", 1L << 20, 0, 1L << 40));

    private final Host host;

    SimTransport(Host host) {
        this.host = host;
    }

    /** @return the descriptor of every sim transport (its defaults: 4 MiB frames, 4 MiB high water, 1 MiB low water) */
    public static StrategyDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @return the host this transport listens and connects on */
    public Host host() {
        return host;
    }

    @Override
    public Listener listen(String address, Parameters parameters, HandlerFactory handlers) throws IOException {
        Objects.requireNonNull(handlers, "handlers");
        String where = address == null ? "" : address;
        int colon = where.lastIndexOf(':');
        String name = colon < 0 ? where : where.substring(0, colon);
        if (!(name.isEmpty() || name.equals("*") || name.equals(host.name()))) {
            throw new IOException("cannot listen on '" + address + "': this transport belongs to host " + host.name());
        }
        int port = colon < 0 ? 0 : port(where.substring(colon + 1), address);
        return host.listen(port, handlers, TransportLimits.from(check(parameters)));
    }

    @Override
    public void connect(String address, Parameters parameters, ConnectionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        TransportLimits limits = TransportLimits.from(check(parameters));
        int colon = address == null ? -1 : address.lastIndexOf(':');
        Host target = colon <= 0 ? null : host.network.node(address.substring(0, colon)).filter(Host.class::isInstance).map(Host.class::cast)
                .orElse(null);
        int port;
        try {
            port = colon < 0 ? -1 : port(address.substring(colon + 1), address);
        } catch (IOException e) {
            port = -1;
        }
        if (target == null || port < 1) {
            SimConnection never = new SimConnection(handler, null, limits);
            UnknownHostException cause = new UnknownHostException("no simulated host at '" + address + "' (expected host:port)");
            host.network.simulator().schedule(0, () -> handler.onClosed(never, cause));
            return;
        }
        host.connect(target, port, handler, limits);
    }

    private static int port(String text, String address) throws IOException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("'" + address + "' has no numeric port");
        }
    }

    private static Parameters check(Parameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.descriptor().key().equals(DESCRIPTOR.key())) {
            throw new IllegalArgumentException("parameters are for " + parameters.descriptor().key() + ", not " + DESCRIPTOR.key());
        }
        return parameters;
    }

    @Override
    public String toString() {
        return "sim transport of " + host.name();
    }
}
