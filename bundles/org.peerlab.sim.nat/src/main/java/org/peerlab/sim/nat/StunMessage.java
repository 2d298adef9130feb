package org.peerlab.sim.nat;

import java.util.Objects;

/** STUN messages (RFC 8489 Binding, with the RFC 5780 CHANGE-REQUEST and OTHER-ADDRESS attributes). */
public sealed interface StunMessage {

    /** Wire size of a request, in bytes (header plus CHANGE-REQUEST). */
    int REQUEST_BYTES = 28;
    /** Wire size of a response, in bytes (header, XOR-MAPPED-ADDRESS, OTHER-ADDRESS, RESPONSE-ORIGIN). */
    int RESPONSE_BYTES = 56;

    /** @return the transaction id that pairs a response with its request */
    long transaction();

    /**
     * A Binding request.
     *
     * @param changeIp   ask the server to answer from its other address (RFC 5780 CHANGE-REQUEST)
     * @param changePort ask the server to answer from its other port
     */
    record BindingRequest(long transaction, boolean changeIp, boolean changePort) implements StunMessage {
        /** A plain request, answered from the address it was sent to. */
        public static BindingRequest plain(long transaction) {
            return new BindingRequest(transaction, false, false);
        }
    }

    /**
     * A Binding success response.
     *
     * @param mapped       the request's source address as the server saw it (XOR-MAPPED-ADDRESS)
     * @param otherAddress the server address differing in both address and port (OTHER-ADDRESS)
     */
    record BindingResponse(long transaction, Endpoint mapped, Endpoint otherAddress) implements StunMessage {
        public BindingResponse {
            Objects.requireNonNull(mapped, "mapped");
            Objects.requireNonNull(otherAddress, "otherAddress");
        }
    }
}
