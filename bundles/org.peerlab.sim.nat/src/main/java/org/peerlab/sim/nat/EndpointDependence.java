package org.peerlab.sim.nat;

/**
 * How much of the remote endpoint a NAT's mapping or filtering behaviour depends on (RFC 4787
 * sections 4.1 and 5). The same three values describe mapping (EIM, ADM, APDM) and filtering
 * (EIF, ADF, APDF).
 */
public enum EndpointDependence {
    /** The remote endpoint does not matter (EIM / EIF). */
    ENDPOINT_INDEPENDENT("EI"),
    /** The remote IP address matters, its port does not (ADM / ADF). */
    ADDRESS_DEPENDENT("AD"),
    /** Both the remote address and port matter (APDM / APDF). */
    ADDRESS_AND_PORT_DEPENDENT("APD");

    private final String abbreviation;

    EndpointDependence(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /**
     * @return the part of {@code remote} this behaviour keys on, as a long: a constant for
     *         endpoint-independent, the address for address-dependent, address and port otherwise
     */
    public long key(Endpoint remote) {
        return switch (this) {
            case ENDPOINT_INDEPENDENT -> -1L;
            case ADDRESS_DEPENDENT -> remote.ip() & 0xffffffffL;
            case ADDRESS_AND_PORT_DEPENDENT -> (remote.ip() & 0xffffffffL) << 16 | remote.port();
        };
    }

    /** @return {@code EI}, {@code AD} or {@code APD}; append M or F for mapping or filtering */
    public String abbreviation() {
        return abbreviation;
    }
}
