package org.peerlab.storage.sim.internal;

import java.util.HashMap;
import java.util.Map;

import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.ParameterText;

/**
 * The strategies the simulated client and repair worker use, looked up by name in the registry:
 * the file cipher, the k-of-n codec (with the parameter text file records carry) and audit schemes.
 *
 * @param redundancy      the redundancy strategy's name
 * @param codecParameters the codec's parameters as records keep them
 */
record StorageParts(StrategyRegistry registry, Aead aead, String redundancy, ErasureCodec codec, String codecParameters) {

    /**
     * @throws IllegalArgumentException if the redundancy strategy cannot make a k-of-n code
     * @throws org.peerlab.core.strategy.UnknownStrategyException if a named strategy is not installed
     */
    static StorageParts of(StrategyRegistry registry, String aead, String redundancy, int k, int n) {
        RedundancyScheme scheme = registry.family(RedundancyScheme.FAMILY).require(redundancy, RedundancyScheme.class);
        Map<String, String> values = new HashMap<>();
        scheme.descriptor().parameter("data-shards").ifPresent(p -> values.put(p.name(), Integer.toString(k)));
        scheme.descriptor().parameter("total-shards").ifPresent(p -> values.put(p.name(), Integer.toString(n)));
        scheme.descriptor().parameter("copies").ifPresent(p -> values.put(p.name(), Integer.toString(n)));
        var parameters = scheme.descriptor().bind(values);
        ErasureCodec codec = scheme.newCodec(parameters);
        if (codec.requiredShards() != k || codec.totalShards() != n) {
            throw new IllegalArgumentException("redundancy " + redundancy + " cannot make a " + k + "-of-" + n + " code (it makes "
                    + codec.requiredShards() + "-of-" + codec.totalShards() + ")");
        }
        return new StorageParts(registry, registry.family(Aead.FAMILY).require(aead, Aead.class), redundancy, codec,
                ParameterText.format(parameters));
    }

    AuditScheme audit(String name) {
        return registry.family(AuditScheme.FAMILY).require(name, AuditScheme.class);
    }
}
