package org.peerlab.crypto.api;

import java.security.GeneralSecurityException;

/** A key-exchange message was malformed or failed a check; the session cannot continue. */
public class KeyExchangeException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public KeyExchangeException(String message) {
        super(message);
    }

    public KeyExchangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
