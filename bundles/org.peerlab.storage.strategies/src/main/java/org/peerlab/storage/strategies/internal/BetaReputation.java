package org.peerlab.storage.strategies.internal;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.api.ReputationScore;

/**
 * Beta reputation with forgetting, as Storj's satellites score audits. Per audit with outcome
 * v = +1 (success) or -1 (failure): {@code alpha = lambda * alpha + w * (1 + v) / 2},
 * {@code beta = lambda * beta + w * (1 - v) / 2}; the score is {@code alpha / (alpha + beta)}
 * (1.0 while both are 0) and the node is disqualified, for good, as soon as the score drops
 * below {@code dq-threshold}. With the defaults (alpha0 = 1000 = 1 / (1 - lambda), beta0 = 0)
 * alpha + beta stays 1000 and k consecutive failures leave a score of exactly 0.999^k, so the
 * 41st consecutive failure disqualifies a fresh node. Thread-safe (stateless); scores are not.
 */
@Component(service = { ReputationScheme.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + ReputationScheme.FAMILY, Strategy.NAME_PROPERTY + "=beta" })
public class BetaReputation implements ReputationScheme {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "beta",
            "Beta reputation with forgetting factor lambda, score alpha/(alpha+beta), sticky disqualification below a"
                    + " threshold; defaults are Storj's production audit values (lambda 0.999, alpha0 1000, beta0 0, w 1, dq 0.96)",
            ParameterSpec.decimal("lambda", "forgetting factor applied to alpha and beta before each audit", 0.999, 0, 1),
            ParameterSpec.decimal("alpha0", "initial alpha (evidence of success)", 1000, 0, 1e12),
            ParameterSpec.decimal("beta0", "initial beta (evidence of failure)", 0, 0, 1e12),
            ParameterSpec.decimal("weight", "weight w of one audit", 1, 0, 1e6),
            ParameterSpec.decimal("dq-threshold", "score below which the node is disqualified", 0.96, 0, 1));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ReputationScore newScore(Parameters parameters) {
        return new BetaScore(parameters, parameters.getDouble("alpha0"), parameters.getDouble("beta0"), 0, false);
    }

    /** @param state {@code [alpha, beta, audits, disqualified ? 1 : 0]} */
    @Override
    public ReputationScore restore(Parameters parameters, double[] state) {
        ReputationState.check("beta", state, 4, 2, 3);
        return new BetaScore(parameters, state[0], state[1], (long) state[2], state[3] == 1);
    }

    private static final class BetaScore implements ReputationScore {

        private final double lambda;
        private final double weight;
        private final double threshold;
        private double alpha;
        private double beta;
        private long audits;
        private boolean disqualified;

        BetaScore(Parameters parameters, double alpha, double beta, long audits, boolean disqualified) {
            this.lambda = parameters.getDouble("lambda");
            this.weight = parameters.getDouble("weight");
            this.threshold = parameters.getDouble("dq-threshold");
            this.alpha = alpha;
            this.beta = beta;
            this.audits = audits;
            this.disqualified = disqualified || value() < threshold;
        }

        @Override
        public void record(boolean success) {
            double v = success ? 1 : -1;
            alpha = lambda * alpha + weight * (1 + v) / 2;
            beta = lambda * beta + weight * (1 - v) / 2;
            audits++;
            disqualified |= value() < threshold;
        }

        @Override
        public double value() {
            double sum = alpha + beta;
            return sum == 0 ? 1.0 : alpha / sum;
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
            return new double[] { alpha, beta, audits, disqualified ? 1 : 0 };
        }

        @Override
        public String toString() {
            return "beta[alpha=" + alpha + ", beta=" + beta + ", audits=" + audits + (disqualified ? ", disqualified]" : "]");
        }
    }
}
