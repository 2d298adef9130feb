package org.peerlab.sim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic shared-bottleneck topology: {@code n} hosts on the left ({@code l0} ...), each with
 * an access link pair to router {@code left}; {@code n} hosts on the right ({@code r0} ...) with
 * access links to router {@code right}; and one bottleneck link pair between the routers. Flow
 * {@code i} usually runs from {@code left.get(i)} to {@code right.get(i)}: all flows share the
 * bottleneck and have the same round-trip time.
 *
 * @param left        the left hosts
 * @param right       the right hosts
 * @param leftRouter  router {@code left}
 * @param rightRouter router {@code right}
 * @param bottleneck  forward: {@code left -> right}; reverse: {@code right -> left}
 * @param leftAccess  per left host: forward host to router, reverse router to host
 * @param rightAccess per right host: forward router to host, reverse host to router
 */
public record Dumbbell(List<Host> left, List<Host> right, Router leftRouter, Router rightRouter, Duplex bottleneck, List<Duplex> leftAccess,
        List<Duplex> rightAccess) {

    public Dumbbell {
        left = List.copyOf(left);
        right = List.copyOf(right);
        leftAccess = List.copyOf(leftAccess);
        rightAccess = List.copyOf(rightAccess);
    }

    /** Builds a dumbbell whose bottleneck has the same specification in both directions. */
    public static Dumbbell build(SimNetwork network, int pairs, LinkSpec access, LinkSpec bottleneck) {
        return build(network, pairs, access, bottleneck, bottleneck);
    }

    /**
     * @param pairs      hosts on each side, at least 1
     * @param access     every access link, both directions
     * @param forward    the bottleneck from left to right
     * @param reverse    the bottleneck from right to left (it carries the ACKs of left-to-right flows)
     */
    public static Dumbbell build(SimNetwork network, int pairs, LinkSpec access, LinkSpec forward, LinkSpec reverse) {
        if (pairs < 1) {
            throw new IllegalArgumentException("a dumbbell needs at least one pair of hosts, got " + pairs);
        }
        Router l = network.router("left");
        Router r = network.router("right");
        Duplex bottleneck = network.connect(l, r, forward, reverse);
        List<Host> lefts = new ArrayList<>();
        List<Host> rights = new ArrayList<>();
        List<Duplex> leftAccess = new ArrayList<>();
        List<Duplex> rightAccess = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Host a = network.host("l" + i);
            lefts.add(a);
            leftAccess.add(network.connect(a, l, access));
            Host b = network.host("r" + i);
            rights.add(b);
            rightAccess.add(network.connect(r, b, access));
        }
        return new Dumbbell(lefts, rights, l, r, bottleneck, leftAccess, rightAccess);
    }
}
