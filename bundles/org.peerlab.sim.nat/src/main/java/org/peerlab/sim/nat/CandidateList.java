package org.peerlab.sim.nat;

import java.util.List;
import java.util.Objects;

/**
 * A signaling message carrying one side's candidates (the SDP candidate lines of an offer or
 * answer, all at once rather than trickled).
 *
 * @param sender     the sender's check tag
 * @param candidates every candidate the sender gathered, best first
 */
public record CandidateList(String sender, List<Candidate> candidates) {

    public CandidateList {
        Objects.requireNonNull(sender, "sender");
        candidates = List.copyOf(candidates);
    }
}
