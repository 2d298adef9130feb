package org.peerlab.sim.net;

import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/** A listening port of a simulated host. Closing it stops accepting; open connections stay. */
final class SimListener implements Listener {

    private final Host host;
    private final int port;
    private final Transport.HandlerFactory handlers;
    private final TransportLimits limits;

    SimListener(Host host, int port, Transport.HandlerFactory handlers, TransportLimits limits) {
        this.host = host;
        this.port = port;
        this.handlers = handlers;
        this.limits = limits;
    }

    int port() {
        return port;
    }

    Transport.HandlerFactory handlers() {
        return handlers;
    }

    TransportLimits limits() {
        return limits;
    }

    @Override
    public String address() {
        return host.name() + ":" + port;
    }

    @Override
    public void close() {
        host.unlisten(this);
    }
}
