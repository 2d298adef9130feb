package org.peerlab.core.strategy;

import java.util.Optional;

/**
 * Says how to get a strategy that is not installed, for error messages such as a scenario naming
 * a strategy that no bundle provides. An optional service: PeerLab's plugin manager registers one
 * that knows which plugin (installed now or before) provided the strategy; callers that find no
 * such service simply give no hint. Implementations are thread-safe and fast (no I/O per call).
 */
public interface MissingStrategyHints {

    /**
     * @param family   strategy family, e.g. {@code aead}
     * @param strategy strategy name, e.g. {@code aes-256-gcm}
     * @return one clause to append to the error, without a trailing full stop, e.g.
     *         {@code provided by plugin X: install it with ./peerlab plugins install PATH}; empty when
     *         nothing is known of that strategy
     */
    Optional<String> hintFor(String family, String strategy);
}
