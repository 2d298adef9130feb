package org.peerlab.transport.api;

import java.io.IOException;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/**
 * A transport strategy (family {@value #FAMILY}): memory, tcp, webrtc, sim. Addresses are
 * transport-specific strings (for example {@code alice} for memory, {@code host:port} for tcp).
 */
public interface Transport extends Strategy {

    String FAMILY = "transport";

    /**
     * Accepts connections at {@code address}; each accepted connection is reported to a handler
     * made by {@code handlers}.
     *
     * @throws IOException if the address is taken or unusable
     */
    Listener listen(String address, Parameters parameters, HandlerFactory handlers) throws IOException;

    /**
     * Opens a connection. Never blocks: the outcome arrives as {@link ConnectionHandler#onOpen}
     * or as {@link ConnectionHandler#onClosed} with the cause.
     */
    void connect(String address, Parameters parameters, ConnectionHandler handler);

    /** Makes the handler for each accepted connection. */
    @FunctionalInterface
    interface HandlerFactory {
        ConnectionHandler newHandler();
    }
}
