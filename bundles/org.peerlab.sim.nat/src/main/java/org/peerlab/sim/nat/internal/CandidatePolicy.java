package org.peerlab.sim.nat.internal;

import java.util.Set;

import org.peerlab.sim.nat.Candidate;

/**
 * What a {@link CandidateMachine} gathers, which pairs it checks and how it ends. Times in
 * nanoseconds of virtual time.
 *
 * @param useStun          gather a server-reflexive candidate
 * @param useTurn          allocate a relayed candidate
 * @param tcpFallback      allocate over TCP when the relay does not answer over UDP
 * @param socketBase       check from the UDP socket itself
 * @param relayBase        check through the relay allocation
 * @param remoteKinds      which of the peer's candidate kinds to check
 * @param nominate         ICE regular nomination: the controlling side waits, then selects the best valid pair
 * @param pacingNanos      interval between two checks (ICE Ta), > 0
 * @param timeoutNanos     the attempt gives up after this long, > 0
 * @param nominationNanos  how long the controlling side waits after the first valid pair
 * @param retryNanos       STUN/TURN request retransmission interval, > 0
 * @param tries            STUN/TURN requests sent before giving up, >= 1
 */
record CandidatePolicy(boolean useStun, boolean useTurn, boolean tcpFallback, boolean socketBase, boolean relayBase,
        Set<Candidate.Kind> remoteKinds, boolean nominate, long pacingNanos, long timeoutNanos, long nominationNanos,
        long retryNanos, int tries) {

    CandidatePolicy {
        remoteKinds = Set.copyOf(remoteKinds);
        if (pacingNanos <= 0 || timeoutNanos <= 0 || retryNanos <= 0 || tries < 1 || nominationNanos < 0) {
            throw new IllegalArgumentException("invalid candidate policy timing: " + pacingNanos + "/" + timeoutNanos + "/"
                    + retryNanos + "/" + tries + "/" + nominationNanos);
        }
    }
}
