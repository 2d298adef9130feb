package org.peerlab.sim.nat;

/**
 * What RFC 5780 behaviour discovery found out about the path to the STUN server.
 *
 * @param udpBlocked whether the STUN server never answered
 * @param behindNat  whether the mapped address differs from the local one
 * @param mapping    the mapping behaviour, {@code null} when UDP is blocked or a test went unanswered
 * @param filtering  the filtering behaviour, {@code null} likewise
 * @param mapped     the mapped address from the first test, {@code null} when blocked
 */
public record NatClassification(boolean udpBlocked, boolean behindNat, EndpointDependence mapping,
        EndpointDependence filtering, Endpoint mapped) {

    /** @return the classification of a path where UDP gets no answer */
    public static NatClassification blocked() {
        return new NatClassification(true, false, null, null, null);
    }

    /** @return e.g. {@code EIM/APDF}, {@code open/EIF}, or {@code udp-blocked} */
    public String label() {
        if (udpBlocked) {
            return "udp-blocked";
        }
        String m = behindNat ? (mapping == null ? "?" : mapping.abbreviation()) + "M" : "open";
        return m + "/" + (filtering == null ? "?" : filtering.abbreviation() + "F");
    }
}
