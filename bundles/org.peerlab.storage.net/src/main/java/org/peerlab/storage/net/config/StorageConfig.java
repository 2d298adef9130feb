package org.peerlab.storage.net.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.peerlab.core.config.UserFolders;
import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;

/**
 * Settings of the storage network, read from a JSON file ({@code --config FILE}, else
 * {@code <config>/storage.json} when it exists, else the defaults). Every key is optional; the
 * defaults are the storage seed's (20 shards, 8 required, 100 MiB largest upload, minimum
 * reputation 0.5) where it had one. Command-line flags override the file. Unknown keys and
 * values of the wrong kind are errors that name the file, line and key. Immutable.
 */
public final class StorageConfig {

    /** Every key with its default, in the order the documentation lists them. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("coordinator", "127.0.0.1:47480");   // where clients and nodes find the coordinator
        d.put("shards-total", "20");               // n
        d.put("shards-required", "8");             // k
        d.put("max-upload-size", "100 MiB");       // the coordinator refuses larger files
        d.put("min-reputation", "0.5");            // placement skips nodes below this
        d.put("segment-size", "8 MiB");            // plaintext per sealed, erasure-coded segment
        d.put("aead", "aes-256-gcm");
        d.put("kdf", "pbkdf2-sha256");             // password files; argon2id is the alternative
        d.put("redundancy", "reed-solomon");
        d.put("placement", "reputation-weighted");
        d.put("audit", "merkle-challenge");
        d.put("audit-blocks", "460");              // c: blocks per challenge
        d.put("audit-interval", "60s");            // per node
        d.put("audit-timeout", "30s");
        d.put("audit-retries", "2");               // re-asks of a timed-out challenge (containment)
        d.put("reputation", "beta");               // lambda 0.999, alpha0 1000, disqualified below 0.96
        d.put("signature", "ed25519");             // node and coordinator keys
        d.put("heartbeat-interval", "5s");
        d.put("offline-after", "20s");             // no heartbeat for this long: the node is offline
        d.put("repair-threshold", "14");           // repair when fewer healthy shards remain
        d.put("repair-offline-after", "2m");       // shards on a node offline this long count as lost
        d.put("repair-scan-interval", "1s");       // how often every file's health is checked
        d.put("repair-timeout", "30m");            // a repair not finished by then is planned again
        d.put("order-ttl", "1h");                  // store/read orders and upload plans stay valid this long
        return java.util.Collections.unmodifiableMap(d);
    }

    private final Map<String, String> values;
    private final String source;

    private StorageConfig(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** @return the defaults alone */
    public static StorageConfig defaultsOnly() {
        return new StorageConfig(new LinkedHashMap<>(DEFAULTS), "defaults");
    }

    /**
     * @param file the file the user named, or empty for {@code <config>/storage.json} if present
     * @throws IllegalArgumentException naming file, line and key when the file is wrong
     * @throws IOException if a named file cannot be read
     */
    public static StorageConfig load(Optional<Path> file) throws IOException {
        Path p = file.orElse(UserFolders.config().resolve("storage.json"));
        if (file.isEmpty() && !Files.isRegularFile(p)) {
            return defaultsOnly();
        }
        String text = Files.readString(p);
        JsonValue root;
        try {
            root = JsonParser.parse(text, p.toString());
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(root instanceof JsonValue.JsonObject o)) {
            throw new IllegalArgumentException(p + ": the storage configuration must be a JSON object");
        }
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (JsonValue.Member m : o.members().values()) {
            String where = p + ":" + m.keyPosition().line() + ": ";
            if (!DEFAULTS.containsKey(m.key())) {
                throw new IllegalArgumentException(where + "unknown key '" + m.key() + "'; known keys: " + String.join(", ", DEFAULTS.keySet()));
            }
            String value = switch (m.value()) {
                case JsonValue.JsonString s -> s.value();
                case JsonValue.JsonNumber n -> n.decimal().toPlainString();
                default -> throw new IllegalArgumentException(where + "'" + m.key() + "' must be a string or a number, not " + m.value().typeName());
            };
            v.put(m.key(), value);
        }
        StorageConfig c = new StorageConfig(v, p.toString());
        c.check();
        return c;
    }

    /** @return a copy with {@code key} set (a command-line override); checked like the file */
    public StorageConfig with(String key, String value) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("unknown storage setting '" + key + "'");
        }
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(key, value);
        StorageConfig c = new StorageConfig(v, source + " + command line");
        c.check();
        return c;
    }

    /** @return where the settings came from, for messages */
    public String source() {
        return source;
    }

    public String text(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown storage setting '" + key + "'");
        }
        return v;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(text(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a whole number, not '" + text(key) + "'");
        }
    }

    public double decimal(String key) {
        try {
            return Double.parseDouble(text(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a number, not '" + text(key) + "'");
        }
    }

    public long size(String key) {
        try {
            return Quantities.parseSize(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": '" + key + "': " + e.getMessage());
        }
    }

    public long millis(String key) {
        try {
            return Quantities.parseMillis(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": '" + key + "': " + e.getMessage());
        }
    }

    private void check() {
        int n = integer("shards-total");
        int k = integer("shards-required");
        if (k < 1 || n < k || n > 256) {
            throw new IllegalArgumentException(source + ": need 1 <= shards-required <= shards-total <= 256, got " + k + " and " + n);
        }
        int t = integer("repair-threshold");
        if (t <= k || t > n) {
            throw new IllegalArgumentException(source + ": repair-threshold must be above shards-required and at most shards-total, got " + t);
        }
        double r = decimal("min-reputation");
        if (r < 0 || r > 1) {
            throw new IllegalArgumentException(source + ": min-reputation must be within 0..1, got " + r);
        }
        long seg = size("segment-size");
        if (seg < 4096 || seg > (64 << 20)) {
            throw new IllegalArgumentException(source + ": segment-size must be within 4 KiB..64 MiB, got " + text("segment-size"));
        }
        size("max-upload-size");
        for (String d : new String[] { "audit-interval", "audit-timeout", "heartbeat-interval", "offline-after", "repair-offline-after", "repair-scan-interval",
                "repair-timeout", "order-ttl" }) {
            if (millis(d) <= 0) {
                throw new IllegalArgumentException(source + ": '" + d + "' must be positive");
            }
        }
        integer("audit-blocks");
        integer("audit-retries");
    }
}
