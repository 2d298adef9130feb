package org.peerlab.storage.net.client;

/**
 * A put, get, info or peers request failed. The message says what failed and why, ready to show
 * ({@code put failed: ...}, {@code get failed: ...}).
 */
public class StorageClientException extends Exception {

    private static final long serialVersionUID = 1L;

    public StorageClientException(String message) {
        super(message);
    }

    public StorageClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
