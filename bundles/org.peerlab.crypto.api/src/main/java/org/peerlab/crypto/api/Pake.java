package org.peerlab.crypto.api;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/**
 * A password-authenticated key exchange (family {@value #FAMILY}) for short pairing codes. Two
 * sessions given the same password end with the same key; with different passwords key
 * confirmation fails with a {@link KeyExchangeException} on the side that checks first, and a
 * passive or active attacker learns nothing to test passwords against offline. The side that
 * detects the failure must tell its peer (the protocol's job), since it sends nothing more.
 */
public interface Pake extends Strategy {

    String FAMILY = "pake";

    /**
     * @param role       which side this session plays
     * @param password   the shared code; the session keeps its own copy
     * @param parameters values bound by this strategy's descriptor
     */
    KeyExchangeSession newSession(Role role, Secret password, Parameters parameters);
}
