package org.peerlab.storage.coordinator;

/** The ledger could not read or write its store; what was not committed may be lost. */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
