package org.peerlab.storage.net.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.json.Json;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.storage.net.cli.StorageSubcommand;
import org.peerlab.storage.net.config.Quantities;
import org.peerlab.storage.wire.PeerInfo;

/** {@code peerlab storage peers}: the storage nodes the coordinator knows, with their standing. */
public final class PeersCommand implements StorageSubcommand {

    @Override
    public String name() {
        return "peers";
    }

    @Override
    public String summary() {
        return "list the storage nodes: address, online, space, shards, reputation, audits";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab storage peers [--json] [--coordinator HOST:PORT] [--config F]

                Lists every node the coordinator knows: id, address, whether it is online (heartbeats
                on time), free space and capacity, shards held, reputation score, audits so far,
                whether it is contained (owes the answer to a timed-out audit) and whether it is
                disqualified (receives no shards; its shards are repaired elsewhere).

                  --json                   print a JSON array with one object per node
                """ + ClientOptions.COMMON_HELP + """

                Exit status: 0 listed; 1 the coordinator could not be asked; 2 usage.
                """;
    }

    @Override
    public int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse("storage peers", args, Set.of("json"), Set.of("coordinator", "config"), 0);
        ClientSettings settings = ClientOptions.settings(o);
        List<PeerInfo> peers;
        try {
            peers = new StorageClient(registry, settings).peers();
        } catch (StorageClientException e) {
            err.println("peerlab storage: " + e.getMessage());
            return 1;
        }
        if (o.flag("json")) {
            List<Object> list = new ArrayList<>();
            peers.forEach(p -> list.add(json(p)));
            out.println(Json.write(list));
            return 0;
        }
        if (peers.isEmpty()) {
            out.println("no storage nodes have registered with the coordinator at " + settings.coordinator());
            return 0;
        }
        out.printf(Locale.ROOT, "%-32s  %-21s  %-6s  %-21s  %6s  %10s  %6s  %-9s  %s%n", "id", "address", "online", "free / capacity",
                "shards", "reputation", "audits", "contained", "disqualified");
        for (PeerInfo p : peers) {
            out.printf(Locale.ROOT, "%-32s  %-21s  %-6s  %-21s  %6d  %10.4f  %6d  %-9s  %s%n", p.nodeId(), p.address(), p.online() ? "yes" : "no",
                    Quantities.formatSize(p.free()) + " / " + Quantities.formatSize(p.capacity()), p.shards(), p.reputation(), p.audits(),
                    p.contained() ? "yes" : "no", p.disqualified() ? "yes" : "no");
        }
        long online = peers.stream().filter(PeerInfo::online).count();
        out.printf(Locale.ROOT, "%d node(s), %d online%n", peers.size(), online);
        return 0;
    }

    static Map<String, Object> json(PeerInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.nodeId());
        m.put("address", p.address());
        m.put("online", p.online());
        m.put("free", p.free());
        m.put("capacity", p.capacity());
        m.put("shards", p.shards());
        m.put("reputation", p.reputation());
        m.put("audits", p.audits());
        m.put("contained", p.contained());
        m.put("disqualified", p.disqualified());
        m.put("lastSeenMillis", p.lastSeenMillis());
        return m;
    }
}
