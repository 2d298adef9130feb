package org.peerlab.core.strategy;

/**
 * A swappable part of PeerLab. Implementations are Declarative Services components registered
 * under their family interface and under {@code Strategy}, with the service properties
 * {@link #FAMILY_PROPERTY} and {@link #NAME_PROPERTY} equal to the descriptor's family and name.
 *
 * <p>Implementations are thread-safe: one service instance is shared by every user.
 */
public interface Strategy {

    /** Service property holding the strategy family, for example {@code aead}. */
    String FAMILY_PROPERTY = "strategy.family";

    /** Service property holding the strategy name, for example {@code aes-256-gcm}. */
    String NAME_PROPERTY = "strategy.name";

    /** @return the immutable description of this strategy and its parameters */
    StrategyDescriptor descriptor();
}
