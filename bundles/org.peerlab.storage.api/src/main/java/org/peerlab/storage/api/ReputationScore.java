package org.peerlab.storage.api;

/**
 * One node's standing under a {@link ReputationScheme}: audit outcomes go in, a score in [0, 1]
 * and a disqualification decision come out. Not thread-safe.
 */
public interface ReputationScore {

    /** Records one audit outcome (a timeout counts only once retries are exhausted). */
    void record(boolean success);

    /** @return the score in [0, 1]; higher is better */
    double value();

    /** @return whether the node is disqualified (final: a disqualified node stays disqualified) */
    boolean disqualified();

    /** @return audits recorded so far */
    long audits();

    /** @return the state to persist; {@link ReputationScheme#restore} takes it back */
    double[] state();
}
