package org.peerlab.storage.strategies.internal;

/** A record, challenge or response that does not decode; the message says what is wrong. */
final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
        super(message);
    }
}
