package org.peerlab.storage.audit;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.storage.api.ReputationScheme;
import org.peerlab.storage.api.ReputationScore;

/** Test double: disqualifies after {@code limit} failures; the score is 1 - failures / limit. */
final class CountingReputation implements ReputationScheme {

    private final int limit;

    CountingReputation(int limit) {
        this.limit = limit;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return StrategyDescriptor.of(FAMILY, "counting", "test double");
    }

    @Override
    public ReputationScore newScore(Parameters parameters) {
        return restore(parameters, new double[] { 0, 0 });
    }

    @Override
    public ReputationScore restore(Parameters parameters, double[] state) {
        return new ReputationScore() {
            long failures = (long) state[0];
            long audits = (long) state[1];

            @Override
            public void record(boolean success) {
                audits++;
                if (!success) {
                    failures++;
                }
            }

            @Override
            public double value() {
                return Math.max(0, 1 - (double) failures / limit);
            }

            @Override
            public boolean disqualified() {
                return failures >= limit;
            }

            @Override
            public long audits() {
                return audits;
            }

            @Override
            public double[] state() {
                return new double[] { failures, audits };
            }
        };
    }
}
