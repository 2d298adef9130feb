package org.peerlab.storage.strategies.internal;

/** Checks of persisted reputation state ({@code ReputationScore.state()}) before it is restored. */
final class ReputationState {

    private ReputationState() {
    }

    /**
     * @throws IllegalArgumentException unless {@code state} has {@code length} finite, non-negative
     *         values, the audit count at {@code auditsAt} is whole and the flag at {@code flagAt} is 0 or 1
     */
    static void check(String scheme, double[] state, int length, int auditsAt, int flagAt) {
        if (state == null || state.length != length) {
            throw new IllegalArgumentException(scheme + " reputation state has " + length + " values, got "
                    + (state == null ? "none" : state.length));
        }
        for (double v : state) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(scheme + " reputation state holds " + v + "; values are finite and >= 0");
            }
        }
        if (state[auditsAt] != Math.rint(state[auditsAt])) {
            throw new IllegalArgumentException(scheme + " reputation state counts " + state[auditsAt] + " audits");
        }
        if (state[flagAt] != 0 && state[flagAt] != 1) {
            throw new IllegalArgumentException(scheme + " reputation state has disqualification flag " + state[flagAt]);
        }
    }
}
