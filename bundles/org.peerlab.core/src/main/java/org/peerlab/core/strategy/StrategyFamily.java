package org.peerlab.core.strategy;

import java.util.List;
import java.util.Optional;

/**
 * The live set of strategies of one family. Views are cheap and always current: every call
 * reflects the services registered at that moment.
 */
public interface StrategyFamily {

    /** @return the family name, e.g. {@code aead} */
    String name();

    /** @return the strategies of this family sorted by name; empty when none is installed */
    List<RegisteredStrategy> strategies();

    /** @return the strategy with that name, if installed */
    Optional<RegisteredStrategy> find(String strategyName);

    /**
     * @return the service of strategy {@code strategyName}, as {@code type}
     * @throws UnknownStrategyException naming the installed alternatives when absent
     * @throws ClassCastException if the service does not implement {@code type}
     */
    default <T extends Strategy> T require(String strategyName, Class<T> type) {
        RegisteredStrategy found = find(strategyName).orElseThrow(() -> new UnknownStrategyException(name(), strategyName,
                strategies().stream().map(RegisteredStrategy::name).toList()));
        return type.cast(found.service());
    }
}
