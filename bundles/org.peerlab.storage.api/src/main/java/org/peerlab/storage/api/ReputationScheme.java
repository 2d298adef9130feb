package org.peerlab.storage.api;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/** A reputation strategy (family {@value #FAMILY}): {@code beta}, {@code success-ratio}, ... */
public interface ReputationScheme extends Strategy {

    String FAMILY = "reputation";

    /** @return the score of a node that has not been audited yet */
    ReputationScore newScore(Parameters parameters);

    /**
     * @param state what {@link ReputationScore#state()} returned
     * @throws IllegalArgumentException if the state does not belong to this scheme
     */
    ReputationScore restore(Parameters parameters, double[] state);
}
