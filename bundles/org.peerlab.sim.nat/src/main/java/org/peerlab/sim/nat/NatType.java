package org.peerlab.sim.nat;

import static org.peerlab.sim.nat.EndpointDependence.ADDRESS_AND_PORT_DEPENDENT;
import static org.peerlab.sim.nat.EndpointDependence.ADDRESS_DEPENDENT;
import static org.peerlab.sim.nat.EndpointDependence.ENDPOINT_INDEPENDENT;

/**
 * The classic NAT names (RFC 3489 vocabulary) mapped onto RFC 4787 behaviour. Each type has no
 * hairpinning and the default two-minute timeout; change those with the {@link NatBehaviour}
 * withers.
 */
public enum NatType {
    /** EIM + EIF: anyone may send to a mapping once it exists. */
    FULL_CONE(ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT, PortAllocation.PRESERVING),
    /** EIM + ADF: hosts the inside has sent to may reply from any port. */
    RESTRICTED_CONE(ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, PortAllocation.PRESERVING),
    /** EIM + APDF: only the exact endpoints the inside has sent to may reply (Linux conntrack, most home routers). */
    PORT_RESTRICTED_CONE(ENDPOINT_INDEPENDENT, ADDRESS_AND_PORT_DEPENDENT, PortAllocation.PRESERVING),
    /** ADM + ADF: one mapping per remote address; rare. */
    ADDRESS_DEPENDENT_NAT(ADDRESS_DEPENDENT, ADDRESS_DEPENDENT, PortAllocation.RANDOM),
    /** APDM + APDF with random ports: the "symmetric NAT" of enterprise and carrier boxes. */
    SYMMETRIC(ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, PortAllocation.RANDOM),
    /** APDM + APDF with sequential ports: symmetric but predictable (older consumer routers). */
    SYMMETRIC_SEQUENTIAL(ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, PortAllocation.SEQUENTIAL);

    private final NatBehaviour behaviour;

    NatType(EndpointDependence mapping, EndpointDependence filtering, PortAllocation allocation) {
        this.behaviour = new NatBehaviour(mapping, filtering, allocation, false, NatBehaviour.DEFAULT_TIMEOUT_MILLIS);
    }

    /** @return the behaviour of this type (no hairpin, two-minute timeout) */
    public NatBehaviour behaviour() {
        return behaviour;
    }

    /** @return the lower-case, hyphenated name, e.g. {@code port-restricted-cone} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
