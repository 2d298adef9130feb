package org.peerlab.storage.sim.internal;

import java.util.Locale;

/** How a node of the {@code storage-network} workload treats its shards and its audits once it misbehaves. */
enum NetNodeKind {
    /** Keeps every shard and answers in time whenever it is online. */
    HONEST,
    /** Deletes a share of its shards without telling anyone; asked for one, it answers NOT_FOUND. */
    DROPPING,
    /** Overwrites a fraction of the blocks of every shard and answers challenges and reads from what it holds. */
    PARTIAL,
    /** Keeps its data but sends every audit answer after the timeout. */
    LATE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
