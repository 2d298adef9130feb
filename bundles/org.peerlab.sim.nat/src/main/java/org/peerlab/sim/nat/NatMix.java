package org.peerlab.sim.nat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A population of network attachments to draw peers from: weighted {@link Access} kinds plus the
 * share of pairs whose two peers sit on the same site (one LAN, one NAT). Immutable.
 *
 * @param name          a short identifier, e.g. {@code ford-2005}
 * @param source        where the weights come from, in one line
 * @param sameSiteShare probability in [0, 1] that a pair's second peer is on the first one's site
 * @param entries       the kinds and their weights (> 0; they need not sum to 1)
 */
public record NatMix(String name, String source, double sameSiteShare, List<Entry> entries) {

    /** One kind of attachment and its weight. */
    public record Entry(Access access, double weight) {
        public Entry {
            Objects.requireNonNull(access, "access");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight must be > 0, got " + weight + " for " + access.label());
            }
        }
    }

    public NatMix {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("mix '" + name + "' has no entries");
        }
        if (!(sameSiteShare >= 0 && sameSiteShare <= 1)) {
            throw new IllegalArgumentException("same-site share must be in [0, 1], got " + sameSiteShare);
        }
    }

    /** @return a mix of one kind only */
    public static NatMix only(Access access) {
        return new NatMix(access.label(), "single kind", 0, List.of(new Entry(access, 1)));
    }

    /** @return one access drawn with probability proportional to its weight */
    public Access draw(RandomGenerator random) {
        double total = entries.stream().mapToDouble(Entry::weight).sum();
        double x = random.nextDouble() * total;
        for (Entry e : entries) {
            x -= e.weight();
            if (x < 0) {
                return e.access();
            }
        }
        return entries.get(entries.size() - 1).access();
    }

    /**
     * The NATs of Ford, Srisuresh and Kegel, "Peer-to-Peer Communication Across Network Address
     * Translators", USENIX ATC 2005, section 6 / table 1 (NAT Check reports): 310 of 380 NATs
     * (82%) kept a consistent endpoint translation, i.e. endpoint-independent mapping, and so
     * "support UDP hole punching"; 80 of 335 (24%) hairpinned UDP. The paper does not break down
     * filtering: the split of the 82% EIM NATs into full-cone 10%, restricted-cone 12% and
     * port-restricted 60% is this mix's assumption (port-restricted, Linux conntrack's behaviour,
     * dominating), as is modelling all 18% non-EIM NATs as symmetric (APDM + APDF, random ports).
     * The figure this mix is meant to reproduce is the 82% (binomial 95% interval +/- 3.9 points
     * for n = 380), measured per NAT as stun-punch success against a port-restricted-cone peer.
     */
    public static NatMix ford2005() {
        List<Entry> entries = new ArrayList<>();
        hairpinSplit(entries, NatType.FULL_CONE, 0.10, 0.24);
        hairpinSplit(entries, NatType.RESTRICTED_CONE, 0.12, 0.24);
        hairpinSplit(entries, NatType.PORT_RESTRICTED_CONE, 0.60, 0.24);
        hairpinSplit(entries, NatType.SYMMETRIC, 0.18, 0.24);
        return new NatMix("ford-2005", "Ford, Srisuresh, Kegel, USENIX ATC 2005: 82% of 380 NATs EIM, 24% hairpin; filtering split assumed",
                0, entries);
    }

    /**
     * A population in the spirit of seed 001's "network traversal success rates" (direct ~30% for
     * "same local network or no NAT", STUN ~60% for cone NATs, TURN for "symmetric NAT, corporate
     * firewalls, mobile carriers"). Not a measurement: weights chosen to match those categories:
     * 10% of pairs on one LAN; peers 12% public, 5% full-cone, 10% restricted-cone, 43%
     * port-restricted, 15% symmetric, 10% mobile (port-restricted home NAT behind a symmetric
     * carrier NAT), 5% behind a firewall that blocks UDP.
     */
    public static NatMix seed001() {
        NatBehaviour carrier = NatType.SYMMETRIC.behaviour();
        return new NatMix("seed-001", "assumed WebRTC population after seed 001's categories (not a measurement)", 0.10, List.of(
                new Entry(Access.open(), 0.12),
                new Entry(Access.nat(NatType.FULL_CONE), 0.05),
                new Entry(Access.nat(NatType.RESTRICTED_CONE), 0.10),
                new Entry(Access.nat(NatType.PORT_RESTRICTED_CONE), 0.43),
                new Entry(Access.nat(NatType.SYMMETRIC), 0.15),
                new Entry(new Access.DoubleNat(NatType.PORT_RESTRICTED_CONE.behaviour(), carrier, "mobile-cgn"), 0.10),
                new Entry(Access.udpBlocked(), 0.05)));
    }

    private static void hairpinSplit(List<Entry> entries, NatType type, double weight, double hairpinShare) {
        entries.add(new Entry(Access.nat(type, true), weight * hairpinShare));
        entries.add(new Entry(Access.nat(type, false), weight * (1 - hairpinShare)));
    }
}
