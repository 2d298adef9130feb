package org.peerlab.redundancy.api;

/** A shard is malformed or disagrees with the others. */
public class CorruptShardException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptShardException(String message) {
        super(message);
    }
}
