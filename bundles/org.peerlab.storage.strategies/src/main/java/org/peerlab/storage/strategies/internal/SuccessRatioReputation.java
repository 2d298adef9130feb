package org.peerlab.storage.strategies.internal;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.api.ReputationScore;

/**
 * The plain ratio of passed audits: score = successes / audits (1.0 before the first audit); the
 * node is disqualified, for good, once it has at least {@code min-audits} audits and its score is
 * below {@code dq-threshold}. No forgetting: old failures weigh as much as new ones. Thread-safe
 * (stateless); scores are not.
 */
@Component(service = { ReputationScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + ReputationScheme.FAMILY, Strategy.NAME_PROPERTY + "=success-ratio" })
public class SuccessRatioReputation implements ReputationScheme {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "success-ratio",
            "Share of audits passed, without forgetting; sticky disqualification below a threshold after a minimum number of audits",
            ParameterSpec.integer("min-audits", "audits before a node can be disqualified", 10, 0, 1_000_000_000),
            ParameterSpec.decimal("dq-threshold", "score below which the node is disqualified", 0.6, 0, 1));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ReputationScore newScore(Parameters parameters) {
        return new RatioScore(parameters, 0, 0, false);
    }

    /**
     * @param state {@code [successes, audits, disqualified ? 1 : 0]}
     * @throws IllegalArgumentException also if successes is not whole or exceeds audits
     */
    @Override
    public ReputationScore restore(Parameters parameters, double[] state) {
        ReputationState.check("success-ratio", state, 3, 1, 2);
        if (state[0] != Math.rint(state[0]) || state[0] > state[1]) {
            throw new IllegalArgumentException("success-ratio reputation state has " + state[0] + " successes in " + state[1] + " audits");
        }
        return new RatioScore(parameters, (long) state[0], (long) state[1], state[2] == 1);
    }

    private static final class RatioScore implements ReputationScore {

        private final long minAudits;
        private final double threshold;
        private long successes;
        private long audits;
        private boolean disqualified;

        RatioScore(Parameters parameters, long successes, long audits, boolean disqualified) {
            this.minAudits = parameters.getLong("min-audits");
            this.threshold = parameters.getDouble("dq-threshold");
            this.successes = successes;
            this.audits = audits;
            this.disqualified = disqualified || failsThreshold();
        }

        @Override
        public void record(boolean success) {
            audits++;
            if (success) {
                successes++;
            }
            disqualified |= failsThreshold();
        }

        private boolean failsThreshold() {
            return audits >= minAudits && value() < threshold;
        }

        @Override
        public double value() {
            return audits == 0 ? 1.0 : (double) successes / audits;
        }

        @Override
        public boolean disqualified() {
            return disqualified;
        }

        @Override
        public long audits() {
            return audits;
        }

        @Override
        public double[] state() {
            return new double[] { successes, audits, disqualified ? 1 : 0 };
        }

        @Override
        public String toString() {
            return "success-ratio[" + successes + "/" + audits + (disqualified ? ", disqualified]" : "]");
        }
    }
}
