package org.peerlab.sim.nat;

import java.util.Objects;

/**
 * How a peer's site reaches the public internet: a public address, a UDP-blocking firewall, one
 * NAT, or a home NAT behind a carrier-grade NAT. Every kind lets TCP out (so TURN over TCP
 * reaches the relay) and answers come back on that connection.
 */
public sealed interface Access {

    /** @return a short label used to group results, e.g. {@code public} or {@code nat:EIM/APDF/preserving} */
    String label();

    /** A host with its own public address and no filtering. */
    record Public() implements Access {
        @Override
        public String label() {
            return "public";
        }
    }

    /** A firewall that drops every UDP datagram in both directions; TCP gets through. */
    record UdpBlocked() implements Access {
        @Override
        public String label() {
            return "udp-blocked";
        }
    }

    /**
     * Hosts behind one NAT.
     *
     * @param behaviour the NAT's behaviour
     * @param name      the label to report, e.g. a {@link NatType#label()}
     */
    record Nat(NatBehaviour behaviour, String name) implements Access {
        public Nat {
            Objects.requireNonNull(behaviour, "behaviour");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return name;
        }
    }

    /**
     * Hosts behind a home NAT whose outside is the inside of a carrier-grade NAT (NAT444).
     *
     * @param home    the home router's behaviour
     * @param carrier the carrier NAT's behaviour
     * @param name    the label to report
     */
    record DoubleNat(NatBehaviour home, NatBehaviour carrier, String name) implements Access {
        public DoubleNat {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return name;
        }
    }

    /** @return a public host */
    static Access open() {
        return new Public();
    }

    /** @return a UDP-blocking firewall */
    static Access udpBlocked() {
        return new UdpBlocked();
    }

    /** @return hosts behind one NAT of catalogue type {@code type} */
    static Access nat(NatType type) {
        return new Nat(type.behaviour(), type.label());
    }

    /** @return hosts behind one NAT of catalogue type {@code type}, hairpinning as given */
    static Access nat(NatType type, boolean hairpin) {
        return new Nat(type.behaviour().withHairpin(hairpin), type.label() + (hairpin ? "+hairpin" : ""));
    }
}
