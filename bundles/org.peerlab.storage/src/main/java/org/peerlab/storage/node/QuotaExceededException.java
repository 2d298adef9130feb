package org.peerlab.storage.node;

import java.io.IOException;

/** A shard does not fit in what is left of the node's quota (or of its disk). */
public final class QuotaExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }
}
