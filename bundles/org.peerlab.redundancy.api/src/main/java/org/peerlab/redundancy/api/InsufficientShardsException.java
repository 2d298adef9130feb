package org.peerlab.redundancy.api;

import java.util.List;

/** Fewer intact shards were available than the codec needs. */
public class InsufficientShardsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InsufficientShardsException(int available, int required) {
        this(available, required, List.of());
    }

    public InsufficientShardsException(int available, int required, List<String> excluded) {
        super("cannot decode: " + available + " intact shard(s), " + required + " required"
                + (excluded.isEmpty() ? "" : "; excluded: " + String.join("; ", excluded)));
    }
}
