package org.peerlab.sim.tests;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.bc.internal.Ed25519Strategy;
import org.peerlab.crypto.bc.internal.HkdfSha256Strategy;
import org.peerlab.crypto.bc.internal.JpakeStrategy;
import org.peerlab.crypto.jdk.internal.AesGcmStrategy;
import org.peerlab.crypto.jdk.internal.ChaCha20Poly1305Strategy;
import org.peerlab.crypto.jdk.internal.X25519Strategy;

/** A fixed registry of the real crypto strategies simulated transfers use, outside OSGi. */
final class SimRegistry implements StrategyRegistry {

    static final SimRegistry CRYPTO = new SimRegistry(new X25519Strategy(), new AesGcmStrategy(), new ChaCha20Poly1305Strategy(),
            new HkdfSha256Strategy(), new Ed25519Strategy(), new JpakeStrategy());

    /** The crypto strategies and the NAT traversal strategies, for experiments. */
    static final SimRegistry EXPERIMENTS = new SimRegistry(new X25519Strategy(), new AesGcmStrategy(), new ChaCha20Poly1305Strategy(),
            new HkdfSha256Strategy(), new Ed25519Strategy(), new JpakeStrategy(), new org.peerlab.sim.nat.internal.DirectTraversal(),
            new org.peerlab.sim.nat.internal.StunPunchTraversal(), new org.peerlab.sim.nat.internal.BirthdayPunchTraversal(),
            new org.peerlab.sim.nat.internal.TurnRelayTraversal(), new org.peerlab.sim.nat.internal.IceTraversal());

    private final List<RegisteredStrategy> all = new ArrayList<>();

    private SimRegistry(Strategy... strategies) {
        for (Strategy s : strategies) {
            all.add(new RegisteredStrategy(s.descriptor(), "test", "0", s));
        }
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
