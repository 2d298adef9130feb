/**
 * PeerLab's strategy model: every swappable part (key exchange, cipher, KDF, redundancy codec,
 * transport, ...) is an OSGi service implementing {@link org.peerlab.core.strategy.Strategy}
 * with the service properties {@code strategy.family} and {@code strategy.name}, and is found
 * through the {@link org.peerlab.core.strategy.StrategyRegistry}, never by class name.
 * Exported at version 0.1.0 (see the bundle manifest).
 */
package org.peerlab.core.strategy;
