package org.peerlab.storage.node;

import java.io.IOException;

/** A shard's bytes do not match their length or checksum: while storing it, or found later. */
public final class CorruptShardException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptShardException(String message) {
        super(message);
    }
}
