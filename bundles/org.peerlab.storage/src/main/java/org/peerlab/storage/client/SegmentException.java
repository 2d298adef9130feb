package org.peerlab.storage.client;

/**
 * A segment could not be restored: too few intact pieces, pieces that do not decode, or a sealed
 * segment that does not authenticate (damaged or substituted data, or the wrong key). The message
 * names the segment and says which.
 */
public class SegmentException extends Exception {

    private static final long serialVersionUID = 1L;

    public SegmentException(String message) {
        super(message);
    }

    public SegmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
