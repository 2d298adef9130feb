package org.peerlab.storage.net.client;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.json.Json;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.storage.client.FileKey;
import org.peerlab.storage.net.cli.StorageSubcommand;
import org.peerlab.storage.net.config.Quantities;
import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;
import org.peerlab.storage.wire.StorageMessage.Location;

/** {@code peerlab storage info ID}: what the coordinator knows of a file and where its shards are. */
public final class InfoCommand implements StorageSubcommand {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "show a stored file: size, k/n, strategies, and each shard's node and health";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab storage info ID [--json] [--coordinator HOST:PORT] [--config F]

                Shows the coordinator's record of file ID: name, size, the erasure code (k of n),
                the AEAD and how the key is made (password KDF with its parameters, or a random key
                kept by the owner), the audit scheme, and per shard its node, address and whether
                it is healthy (node online, not disqualified, shard not failing audits).

                  --json                   print the same as one JSON object
                """ + ClientOptions.COMMON_HELP + """

                Exit status: 0 shown; 1 failed (no such file, coordinator unreachable); 2 usage.
                """;
    }

    @Override
    public int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse("storage info", args, Set.of("json"), Set.of("coordinator", "config"), 1);
        String id = ClientOptions.fileId(o);
        ClientSettings settings = ClientOptions.settings(o);
        Location l;
        try {
            l = new StorageClient(registry, settings).info(id);
        } catch (StorageClientException e) {
            err.println("peerlab storage: " + e.getMessage());
            return 1;
        }
        if (o.flag("json")) {
            out.println(Json.write(json(l)));
        } else {
            print(l, out);
        }
        return 0;
    }

    static Map<String, Object> json(Location l) {
        FileRecord r = l.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.fileId());
        m.put("name", r.name());
        m.put("size", r.size());
        m.put("created", Instant.ofEpochMilli(r.createdMillis()).toString());
        m.put("segmentSize", r.segmentSize());
        m.put("segments", r.segments());
        m.put("k", r.k());
        m.put("n", r.n());
        m.put("redundancy", r.redundancy());
        m.put("redundancyParameters", r.redundancyParameters());
        m.put("shardLength", r.shardLength());
        m.put("aead", r.aead());
        m.put("kdf", r.kdf());
        m.put("kdfParameters", r.kdfParameters());
        m.put("audit", r.audit());
        m.put("auditParameters", r.auditParameters());
        m.put("healthyShards", l.healthy().stream().filter(b -> b).count());
        List<Object> shards = new ArrayList<>();
        for (int i = 0; i < r.n(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            Placement p = l.placements().get(i);
            s.put("index", i);
            s.put("node", p.nodeId());
            s.put("address", p.address());
            s.put("healthy", l.healthy().get(i));
            s.put("sha256", HexFormat.of().formatHex(r.shards().get(i).sha256()));
            shards.add(s);
        }
        m.put("shards", shards);
        return m;
    }

    private static void print(Location l, PrintStream out) {
        FileRecord r = l.record();
        long healthy = l.healthy().stream().filter(b -> b).count();
        out.printf(Locale.ROOT, "file        %s%n", r.fileId());
        out.printf(Locale.ROOT, "name        %s%n", r.name().replaceAll("\\p{Cntrl}", "?"));
        out.printf(Locale.ROOT, "size        %s (%d bytes), %d segment(s) of %s, stored %s%n", Quantities.formatSize(r.size()), r.size(),
                r.segments(), Quantities.formatSize(r.segmentSize()), Instant.ofEpochMilli(r.createdMillis()));
        out.printf(Locale.ROOT, "redundancy  %s, %d-of-%d (%s), shards of %s%n", r.redundancy(), r.k(), r.n(), r.redundancyParameters(),
                Quantities.formatSize(r.shardLength()));
        out.printf(Locale.ROOT, "encryption  %s, %s%n", r.aead(), FileKey.usesPassword(r)
                ? "key from a password (" + r.kdf() + (r.kdfParameters().isEmpty() ? "" : ", " + r.kdfParameters()) + ")"
                : "random key (kept by the owner in storage/keys/" + r.fileId() + ".key)");
        out.printf(Locale.ROOT, "audit       %s (%s)%n", r.audit(), r.auditParameters());
        out.printf(Locale.ROOT, "health      %d of %d shards healthy, %d needed%s%n", healthy, r.n(), r.k(),
                healthy < r.k() ? ": NOT READABLE until nodes return" : "");
        out.printf(Locale.ROOT, "%nshard  %-32s  %-21s  %s%n", "node", "address", "health");
        for (int i = 0; i < r.n(); i++) {
            Placement p = l.placements().get(i);
            out.printf(Locale.ROOT, "%5d  %-32s  %-21s  %s%n", i, p.nodeId(), p.address().isEmpty() ? "-" : p.address(),
                    l.healthy().get(i) ? "healthy" : "unhealthy");
        }
    }
}
