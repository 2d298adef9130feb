package org.peerlab.storage.net.client;

import java.util.HashMap;
import java.util.Map;

import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.RedundancyScheme;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.client.ParameterText;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.transport.api.Transport;

/**
 * The strategies a client uses, looked up by family and name in the registry (never by class).
 * A strategy that is not installed fails with the registry's message naming the installed ones.
 */
final class ClientParts {

    private final StrategyRegistry registry;

    ClientParts(StrategyRegistry registry) {
        this.registry = registry;
    }

    Transport tcp() {
        return registry.family(Transport.FAMILY).require("tcp", Transport.class);
    }

    Aead aead(String name) {
        return registry.family(Aead.FAMILY).require(name, Aead.class);
    }

    Kdf kdf(String name) {
        return registry.family(Kdf.FAMILY).require(name, Kdf.class);
    }

    AuditScheme audit(String name) {
        return registry.family(AuditScheme.FAMILY).require(name, AuditScheme.class);
    }

    RedundancyScheme redundancy(String name) {
        return registry.family(RedundancyScheme.FAMILY).require(name, RedundancyScheme.class);
    }

    /** A codec and the parameter text the record keeps for it. */
    record Codec(ErasureCodec codec, String parameters) {
    }

    /**
     * A k-of-n codec of the named strategy. The strategy's parameters that mean k and n are those
     * the redundancy family uses: {@code data-shards} and {@code total-shards} (erasure codes) or
     * {@code copies} (replication, where k is 1).
     *
     * @throws IllegalArgumentException if the strategy cannot be configured as k-of-n
     */
    Codec codec(String name, int k, int n) {
        RedundancyScheme scheme = redundancy(name);
        StrategyDescriptor d = scheme.descriptor();
        Map<String, String> values = new HashMap<>();
        d.parameter("data-shards").ifPresent(p -> values.put(p.name(), Integer.toString(k)));
        d.parameter("total-shards").ifPresent(p -> values.put(p.name(), Integer.toString(n)));
        d.parameter("copies").ifPresent(p -> values.put(p.name(), Integer.toString(n)));
        var parameters = d.bind(values);
        ErasureCodec codec = scheme.newCodec(parameters);
        if (codec.requiredShards() != k || codec.totalShards() != n) {
            throw new IllegalArgumentException("redundancy " + name + " cannot make a " + k + "-of-" + n + " code (it makes "
                    + codec.requiredShards() + "-of-" + codec.totalShards() + "); change shards-required / shards-total");
        }
        return new Codec(codec, ParameterText.format(parameters));
    }

    /**
     * @return the codec a stored file was encoded with, from its record
     * @throws IllegalArgumentException if the record's redundancy parameters are invalid or do not give its k-of-n
     */
    ErasureCodec codec(FileRecord r) {
        RedundancyScheme scheme = redundancy(r.redundancy());
        ErasureCodec codec = scheme.newCodec(ParameterText.bind(scheme.descriptor(), r.redundancyParameters()));
        if (codec.requiredShards() != r.k() || codec.totalShards() != r.n()) {
            throw new IllegalArgumentException("file " + r.fileId() + ": redundancy " + r.redundancy() + " (" + r.redundancyParameters()
                    + ") makes " + codec.requiredShards() + "-of-" + codec.totalShards() + ", the record says " + r.k() + "-of-" + r.n());
        }
        return codec;
    }
}
