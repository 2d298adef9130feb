package org.peerlab.sim.nat;

/** How a NAT picks the external port of a new mapping (RFC 4787 section 4.2). */
public enum PortAllocation {
    /**
     * Keeps the internal port when it is free on the external address; when another mapping holds
     * it already (a port-preservation collision) falls back to the next free port after it.
     */
    PRESERVING,
    /** The next free port after the last one allocated, from a start drawn when the NAT is made. */
    SEQUENTIAL,
    /** A free port drawn uniformly from {@link #FIRST_PORT}..{@link #LAST_PORT}. */
    RANDOM;

    /** Lowest external port a NAT allocates. */
    public static final int FIRST_PORT = 1024;
    /** Highest external port a NAT allocates. */
    public static final int LAST_PORT = 65535;
    /** How many ports a NAT can allocate on one external address: 64,512. */
    public static final int PORT_RANGE = LAST_PORT - FIRST_PORT + 1;
}
