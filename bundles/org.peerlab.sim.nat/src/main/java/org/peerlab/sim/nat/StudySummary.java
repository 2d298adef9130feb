package org.peerlab.sim.nat;

import java.util.List;

/**
 * Aggregate of a set of attempts.
 *
 * @param attempts          how many
 * @param successes         how many found a path
 * @param direct            successes over a direct path
 * @param punched           successes over a punched path
 * @param relayed           successes over a relay
 * @param meanConnectMillis mean time to connect of the successes, ms (NaN when none)
 */
public record StudySummary(int attempts, int successes, int direct, int punched, int relayed, double meanConnectMillis) {

    /** @return the summary of {@code results} */
    public static StudySummary of(List<AttemptResult> results) {
        int ok = 0;
        int d = 0;
        int p = 0;
        int r = 0;
        double sum = 0;
        for (AttemptResult a : results) {
            if (a.success()) {
                ok++;
                sum += a.connectMillis();
                switch (a.path()) {
                    case DIRECT -> d++;
                    case PUNCHED -> p++;
                    case RELAYED -> r++;
                    case FAILED -> throw new IllegalStateException("a success with a failed path: " + a);
                }
            }
        }
        return new StudySummary(results.size(), ok, d, p, r, ok == 0 ? Double.NaN : sum / ok);
    }

    /** @return successes / attempts, in [0, 1] */
    public double successRate() {
        return attempts == 0 ? Double.NaN : successes / (double) attempts;
    }

    /** @return relayed successes / attempts */
    public double relayedShare() {
        return attempts == 0 ? Double.NaN : relayed / (double) attempts;
    }

    /** @return half-width of the normal-approximation 95% confidence interval of the success rate */
    public double halfWidth95() {
        double p = successRate();
        return 1.96 * Math.sqrt(p * (1 - p) / attempts);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f%% +/- %.1f (n=%d; direct %d, punched %d, relayed %d; %.0f ms)",
                100 * successRate(), 100 * halfWidth95(), attempts, direct, punched, relayed, meanConnectMillis);
    }
}
