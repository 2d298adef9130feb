package org.peerlab.crypto.api;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/**
 * A key-exchange strategy (family {@value #FAMILY}): Diffie-Hellman, KEM or PAKE. It makes
 * sessions; each session is a small state machine fed with the peer's messages.
 */
public interface KeyExchange extends Strategy {

    String FAMILY = "key-exchange";

    /**
     * @param role       the side this session plays
     * @param parameters values bound by this strategy's descriptor
     * @return a new session, not yet started
     */
    KeyExchangeSession newSession(Role role, Parameters parameters);
}
