package org.peerlab.strategies.tests;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.bc.internal.AesGcmSivStrategy;
import org.peerlab.crypto.bc.internal.HkdfSha256Strategy;
import org.peerlab.crypto.bc.internal.JpakeStrategy;
import org.peerlab.crypto.bc.internal.Ed25519Strategy;
import org.peerlab.crypto.bc.internal.Ffdhe2048Strategy;
import org.peerlab.crypto.bc.internal.X25519MlKem768Strategy;
import org.peerlab.crypto.jdk.internal.AesGcmStrategy;
import org.peerlab.crypto.jdk.internal.ChaCha20Poly1305Strategy;
import org.peerlab.crypto.jdk.internal.EcdhP256Strategy;
import org.peerlab.crypto.jdk.internal.X25519Strategy;

/** A fixed registry of the real crypto strategies, for protocol tests outside OSGi. */
final class TestRegistry implements StrategyRegistry {

    private final List<RegisteredStrategy> all = new ArrayList<>();

    TestRegistry(Strategy... strategies) {
        for (Strategy s : strategies) {
            all.add(new RegisteredStrategy(s.descriptor(), "test", "0", s));
        }
    }

    static TestRegistry crypto() {
        return new TestRegistry(new X25519MlKem768Strategy(), new X25519Strategy(), new EcdhP256Strategy(), new Ffdhe2048Strategy(),
                new AesGcmStrategy(), new ChaCha20Poly1305Strategy(), new AesGcmSivStrategy(), new HkdfSha256Strategy(), new JpakeStrategy(), new Ed25519Strategy());
    }

    @Override
    public List<RegisteredStrategy> all() {
        return all;
    }

    @Override
    public AutoCloseable addListener(StrategyListener listener) {
        return () -> { };
    }

}
