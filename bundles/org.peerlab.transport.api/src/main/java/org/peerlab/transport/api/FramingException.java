package org.peerlab.transport.api;

import java.io.IOException;

/** The peer sent bytes that are not a valid frame stream; the connection must be closed. */
public class FramingException extends IOException {

    private static final long serialVersionUID = 1L;

    public FramingException(String message) {
        super(message);
    }
}
