package org.peerlab.sim.net;

import java.util.List;

import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;

/**
 * A view of a registry in which every AEAD is replaced by its {@link ElidedAead} stand-in (same
 * name, same sizes); every other strategy is the real one, so handshakes, key derivation and
 * identity signatures stay real. For payload-elided studies only.
 */
final class ElidingRegistry implements StrategyRegistry {

    private final List<RegisteredStrategy> all;

    ElidingRegistry(StrategyRegistry real) {
        this.all = real.all().stream()
                .map(s -> s.service() instanceof Aead aead
                        ? new RegisteredStrategy(s.descriptor(), s.providerBundle(), s.providerVersion(), new ElidedAead(aead))
                        : s)
                .toList();
    }

    @Override
    public List<RegisteredStrategy> all() {
        return all;
    }

    @Override
    public AutoCloseable addListener(StrategyListener listener) {
        return () -> {
        };
    }
}
