package org.peerlab.sim.nat;

/**
 * One attempt of one strategy.
 *
 * @param index         the pair's index, from 0
 * @param strategy      the strategy name
 * @param accessA       the controlling peer's access label
 * @param accessB       the controlled peer's access label
 * @param sameSite      whether both peers were on one site
 * @param success       whether both sides found a path
 * @param path          the attempt's path, see {@link TraversalAttempt#path()}
 * @param reason        one line from the machines
 * @param connectMillis milliseconds from start until both had a path; NaN on failure
 */
public record AttemptResult(int index, String strategy, String accessA, String accessB, boolean sameSite, boolean success,
        TraversalPath path, String reason, double connectMillis) {

    /** @return the pair's label with the two accesses sorted, e.g. {@code port-restricted-cone|symmetric}, {@code same-site} marked */
    public String pairLabel() {
        String label = accessA.compareTo(accessB) <= 0 ? accessA + "|" + accessB : accessB + "|" + accessA;
        return sameSite ? "same-site:" + accessA : label;
    }
}
