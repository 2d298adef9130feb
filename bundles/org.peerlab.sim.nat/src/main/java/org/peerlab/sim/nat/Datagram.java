package org.peerlab.sim.nat;

import java.util.Objects;

/**
 * One UDP datagram in flight. The payload is a message object (a STUN, TURN or check message);
 * {@code bytes} is its size on the wire, used for bandwidth accounting only.
 *
 * @param source      where it comes from, as seen on the current hop
 * @param destination where it goes, as seen on the current hop
 * @param payload     the message; never {@code null}
 * @param bytes       wire size in bytes, at least 1
 */
public record Datagram(Endpoint source, Endpoint destination, Object payload, int bytes) {

    public Datagram {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        if (bytes < 1) {
            throw new IllegalArgumentException("a datagram has at least 1 byte, got " + bytes);
        }
    }

    /** @return the same datagram with other addresses (what a NAT does) */
    public Datagram readdressed(Endpoint newSource, Endpoint newDestination) {
        return new Datagram(newSource, newDestination, payload, bytes);
    }
}
