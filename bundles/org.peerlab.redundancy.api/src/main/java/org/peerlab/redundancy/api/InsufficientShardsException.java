package org.peerlab.redundancy.api;

/** Fewer shards were available than the codec needs. */
public class InsufficientShardsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InsufficientShardsException(int available, int required) {
        super("cannot decode: " + available + " usable shard(s), " + required + " required");
    }
}
