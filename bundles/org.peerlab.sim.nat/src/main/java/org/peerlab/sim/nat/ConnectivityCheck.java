package org.peerlab.sim.nat;

import java.util.Objects;

/**
 * Connectivity check messages (ICE STUN Binding checks, reduced). Tags play the part of ICE's
 * USERNAME: a check addressed to someone else (a private address reused in another site) is ignored.
 */
public sealed interface ConnectivityCheck {

    /** Wire size of a check, in bytes. */
    int BYTES = 80;

    /** @return the sender's tag */
    String sender();

    /** @return the intended receiver's tag */
    String receiver();

    /**
     * A check request.
     *
     * @param transaction pairs the response with the request
     * @param direct      the sender addressed the receiver's own host address (no translation on the receiver's side)
     * @param nominate    ICE USE-CANDIDATE: the controlling side selects this pair
     */
    record Request(long transaction, String sender, String receiver, boolean direct, boolean nominate)
            implements ConnectivityCheck {
        public Request {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(receiver, "receiver");
        }
    }

    /**
     * A check response, sent back to the request's source.
     *
     * @param observed the request's source as the responder saw it (XOR-MAPPED-ADDRESS)
     */
    record Response(long transaction, String sender, String receiver, Endpoint observed) implements ConnectivityCheck {
        public Response {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(observed, "observed");
        }
    }
}
