package org.peerlab.storage.sim.internal;

/** How a simulated storage node behaves towards its data and its audits. */
enum NodeKind {
    /** Keeps its data and answers in time whenever it is online. */
    HONEST,
    /** Loses a fraction of its blocks (scattered) and answers from what is left, lost blocks read as zeros. */
    DROPPING,
    /** Lost one run of consecutive blocks and fabricates them when asked. */
    PARTIAL,
    /** Keeps its data but often answers after the timeout. */
    LATE;

    /** @return the lower-case label used in composite metric names */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return whether the node loses data */
    boolean damages() {
        return this == DROPPING || this == PARTIAL;
    }

    private static final NodeKind[] VALUES = values();

    /** @return the kind with ordinal {@code ordinal} */
    static NodeKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
