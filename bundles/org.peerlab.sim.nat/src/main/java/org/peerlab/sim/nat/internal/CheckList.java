package org.peerlab.sim.nat.internal;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.sim.nat.Candidate;
import org.peerlab.sim.nat.Endpoint;

/**
 * The candidate pairs of one side, ordered by RFC 8445 pair priority (highest first), with a
 * round-robin cursor for paced checks.
 */
final class CheckList {

    /** One local base (the socket or the relay) paired with one remote address. */
    static final class Pair {
        final boolean relay;
        final Endpoint remote;
        final Candidate.Kind kind;
        final boolean direct;
        final long priority;
        boolean valid;
        boolean nominatedByPeer;

        Pair(boolean relay, Endpoint remote, Candidate.Kind kind, boolean direct, long priority) {
            this.relay = relay;
            this.remote = remote;
            this.kind = kind;
            this.direct = direct;
            this.priority = priority;
        }
    }

    private final boolean controlling;
    private final List<Pair> pairs = new ArrayList<>();
    private int cursor;

    CheckList(boolean controlling) {
        this.controlling = controlling;
    }

    /** Adds a pair (or returns the existing one for the same base and remote address). */
    Pair add(boolean relay, Endpoint remote, Candidate.Kind kind, boolean direct) {
        Pair existing = find(relay, remote);
        if (existing != null) {
            return existing;
        }
        long local = new Candidate(relay ? Candidate.Kind.RELAY : Candidate.Kind.HOST, remote).priority();
        long peer = new Candidate(kind, remote).priority();
        long g = controlling ? local : peer;
        long d = controlling ? peer : local;
        long priority = (Math.min(g, d) << 32) + 2 * Math.max(g, d) + (g > d ? 1 : 0);
        Pair pair = new Pair(relay, remote, kind, direct, priority);
        int i = 0;
        while (i < pairs.size() && pairs.get(i).priority >= priority) {
            i++;
        }
        pairs.add(i, pair);
        return pair;
    }

    Pair find(boolean relay, Endpoint remote) {
        for (Pair p : pairs) {
            if (p.relay == relay && p.remote.equals(remote)) {
                return p;
            }
        }
        return null;
    }

    /** @return the next pair to check in round-robin priority order, skipping valid pairs and relay pairs not yet usable */
    Pair next(boolean relayUsable) {
        int n = pairs.size();
        for (int i = 0; i < n; i++) {
            int index = (cursor + i) % n;
            Pair p = pairs.get(index);
            if (!p.valid && (!p.relay || relayUsable)) {
                cursor = index + 1;
                return p;
            }
        }
        return null;
    }

    /** @return the highest-priority valid pair, or {@code null} */
    Pair bestValid() {
        return pairs.stream().filter(p -> p.valid).findFirst().orElse(null);
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    int size() {
        return pairs.size();
    }
}
