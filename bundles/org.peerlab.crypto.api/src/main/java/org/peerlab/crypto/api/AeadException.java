package org.peerlab.crypto.api;

import java.security.GeneralSecurityException;

/** A ciphertext failed authentication; no plaintext is released. */
public class AeadException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public AeadException(String message, Throwable cause) {
        super(message, cause);
    }
}
