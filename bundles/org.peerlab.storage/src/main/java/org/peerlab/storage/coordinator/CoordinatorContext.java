package org.peerlab.storage.coordinator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.audit.AuditTracker;
import org.peerlab.storage.node.AuditParameters;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;

/**
 * What the parts of the coordinator core share: policy, strategies, key, ledger, randomness, the
 * output, the audit tracker, and whether the ledger has writes to commit. Not thread-safe.
 */
final class CoordinatorContext {

    final CoordinatorSettings settings;
    final StrategyRegistry strategies;
    final OrderSigner signer;
    final Ledger ledger;
    final RandomGenerator random;
    final CoordinatorCore.Output out;
    final AuditTracker tracker;
    private final Map<String, Parameters> auditParameters = new HashMap<>();
    private boolean dirty;

    CoordinatorContext(CoordinatorSettings settings, StrategyRegistry strategies, OrderSigner signer, Ledger ledger, RandomGenerator random,
            CoordinatorCore.Output out, AuditTracker tracker) {
        this.settings = settings;
        this.strategies = strategies;
        this.signer = signer;
        this.ledger = ledger;
        this.random = random;
        this.out = out;
        this.tracker = tracker;
    }

    void send(long conn, StorageMessage m) {
        out.send(conn, StorageCodec.encode(m));
    }

    void error(long conn, ErrorCode code, String message) {
        send(conn, new StorageMessage.Error(code, message));
    }

    void log(String line) {
        out.log(line);
    }

    /** Notes ledger writes that the next {@link #commitIfDirty()} makes durable. */
    void wrote() {
        dirty = true;
    }

    /** Commits the ledger now (before acknowledging something). */
    void commit() {
        ledger.commit();
        dirty = false;
    }

    void commitIfDirty() {
        if (dirty) {
            commit();
        }
    }

    /** @return the audit scheme of that name, if installed */
    Optional<AuditScheme> audit(String name) {
        return strategies.family(AuditScheme.FAMILY).find(name).map(RegisteredStrategy::service)
                .filter(AuditScheme.class::isInstance).map(AuditScheme.class::cast);
    }

    /**
     * @return {@code text} ({@code key=value,...}) bound by the scheme's descriptor, cached
     * @throws IllegalArgumentException if the text or a value is invalid for the scheme
     */
    Parameters auditParameters(AuditScheme scheme, String text) {
        String key = scheme.descriptor().name() + "|" + text;
        Parameters p = auditParameters.get(key);
        if (p == null) {
            p = scheme.descriptor().bind(AuditParameters.parse(text));
            auditParameters.put(key, p);
        }
        return p;
    }

    /** @return every parameter's value as {@code key=value,key=value}, the canonical text plans and records carry */
    static String format(Parameters p) {
        StringJoiner j = new StringJoiner(",");
        p.asMap().forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** @return the values of {@code wanted} that {@code scheme}'s descriptor declares (for optional shared parameters) */
    static Map<String, String> declared(org.peerlab.core.strategy.StrategyDescriptor d, Map<String, String> wanted) {
        Map<String, String> m = new LinkedHashMap<>();
        wanted.forEach((k, v) -> {
            if (d.parameter(k).isPresent()) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** @return nanoseconds for the audit tracker's clock */
    static long nanos(long millis) {
        return Math.multiplyExact(millis, 1_000_000L);
    }

    /** @return bytes in binary units, e.g. {@code 100 MiB (104857600 bytes)} */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB", "PiB" };
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, units[u], n);
    }
}
