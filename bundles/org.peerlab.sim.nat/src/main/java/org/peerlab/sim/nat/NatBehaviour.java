package org.peerlab.sim.nat;

import java.util.Objects;

/**
 * The behaviour of one NAT box after RFC 4787: mapping, filtering, port allocation, hairpinning
 * and the UDP mapping timeout. Immutable.
 *
 * @param mapping              when a new mapping (external port) is made for another destination
 * @param filtering            which inbound datagrams a mapping lets through
 * @param allocation           how the external port of a new mapping is chosen
 * @param hairpin              whether datagrams from inside to the NAT's own external address are
 *                             turned back inside (RFC 4787 REQ-9)
 * @param mappingTimeoutMillis how long, in milliseconds of virtual time, a mapping lives after the
 *                             last outbound datagram that used it; inbound traffic does not refresh
 *                             it (RFC 4787 REQ-6 allows either). Positive.
 */
public record NatBehaviour(EndpointDependence mapping, EndpointDependence filtering, PortAllocation allocation,
        boolean hairpin, long mappingTimeoutMillis) {

    /** The RFC 4787 REQ-5 minimum, two minutes, used unless a study says otherwise. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 120_000;

    public NatBehaviour {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(filtering, "filtering");
        Objects.requireNonNull(allocation, "allocation");
        if (mappingTimeoutMillis <= 0) {
            throw new IllegalArgumentException("mapping timeout must be positive, got " + mappingTimeoutMillis + " ms");
        }
    }

    /** @return this behaviour with hairpinning switched on or off */
    public NatBehaviour withHairpin(boolean on) {
        return new NatBehaviour(mapping, filtering, allocation, on, mappingTimeoutMillis);
    }

    /** @return this behaviour with another mapping timeout, in milliseconds */
    public NatBehaviour withTimeout(long millis) {
        return new NatBehaviour(mapping, filtering, allocation, hairpin, millis);
    }

    /** @return this behaviour with another port allocation */
    public NatBehaviour withAllocation(PortAllocation other) {
        return new NatBehaviour(mapping, filtering, other, hairpin, mappingTimeoutMillis);
    }

    /** @return a short label such as {@code EIM/APDF/preserving} (plus {@code /hairpin}) */
    public String label() {
        return mapping.abbreviation() + "M/" + filtering.abbreviation() + "F/" + allocation.name().toLowerCase(java.util.Locale.ROOT)
                + (hairpin ? "/hairpin" : "");
    }
}
