package org.peerlab.storage.net.node;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.core.strategy.UnknownStrategyException;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.storage.api.AuditScheme;
import org.peerlab.storage.net.cli.StorageSubcommand;
import org.peerlab.storage.net.config.Quantities;
import org.peerlab.storage.net.config.StorageConfig;
import org.peerlab.transport.api.Transport;

/** {@code peerlab storage node}: keeps shards on disk for the coordinator's clients until stopped. */
public final class NodeCommand implements StorageSubcommand {

    static final String DEFAULT_QUOTA = "10 GiB";
    private static final String ME = "peerlab storage node";

    @Override
    public String name() {
        return "node";
    }

    @Override
    public String summary() {
        return "run a storage node: keep shards on disk, answer uploads, reads and audits";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab storage node --coordinator HOST:PORT --port P --data DIR [--quota SIZE]
                                            [--config FILE] [--advertise HOST]

                Runs a storage node until stopped (Ctrl+C). It registers with the coordinator, which
                sends clients to it with signed orders: the node stores and serves only shards the
                coordinator ordered, for this node, before the order expired, and within its quota.
                It answers the coordinator's audits from the shards it holds and sends a heartbeat at
                the interval the coordinator asks for. If the coordinator goes away the node keeps
                serving reads and reconnects (after 1 s, doubling up to 30 s).

                Prints "node ID serving on HOST:PORT" once registered; logs to stderr.

                The data directory holds node.key (the node's signing key, created at the first
                start, mode 600: the node id derives from it), coordinator.pub (the coordinator key
                pinned at the first registration: the node refuses any other coordinator), shards/
                (each shard with a .sha256 file) and tmp/ (uploads in progress, removed at start).
                An upload becomes visible only once whole, checked and on disk.

                  --coordinator HOST:PORT  the coordinator (default: 'coordinator' in the configuration,
                                           127.0.0.1:47480)
                  --port P                 TCP port for clients (0 picks a free one, printed)
                  --data DIR               data directory (created if missing)
                  --quota SIZE             most bytes of shards to hold (default 10 GiB; e.g. 500 MiB)
                  --config FILE            storage configuration (default <config>/storage.json if present)
                  --advertise HOST         host clients should connect to (default: this machine's
                                           address towards the coordinator)

                Example:
                  peerlab storage node --coordinator 10.0.0.5:47480 --port 47481 --data ~/peerlab-node
                """;
    }

    @Override
    public int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse("storage node", args, Set.of(), Set.of("coordinator", "port", "data", "quota", "config", "advertise"), 0);
        int port = port(o.value("port").orElseThrow(() -> new UsageException("node needs --port P (0 picks a free port)")));
        Path data = Path.of(o.value("data").orElseThrow(() -> new UsageException("node needs --data DIR")));
        long quota;
        try {
            quota = Quantities.parseSize(o.value("quota").orElse(DEFAULT_QUOTA));
        } catch (IllegalArgumentException e) {
            throw new UsageException("node: --quota: " + e.getMessage());
        }
        if (quota <= 0) {
            throw new UsageException("node: --quota must be more than 0 bytes");
        }
        StorageConfig config;
        try {
            config = StorageConfig.load(o.value("config").map(Path::of));
        } catch (IOException e) {
            return fail(err, "cannot read the configuration " + o.value("config").orElse("") + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        String coordinator = o.value("coordinator").orElse(config.text("coordinator"));
        if (!coordinator.matches(".+:\\d{1,5}")) {
            throw new UsageException("node: --coordinator must be HOST:PORT, got '" + coordinator + "'");
        }
        String advertise = o.value("advertise").map(h -> h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h).orElse(null);
        Optional<String> unusable = checkDirectory(data);
        if (unusable.isPresent()) {
            return fail(err, "cannot use data directory " + data + ": " + unusable.get());
        }
        SignatureScheme signature;
        Transport tcp;
        try {
            signature = registry.family(SignatureScheme.FAMILY).require(config.text("signature"), SignatureScheme.class);
            tcp = registry.family(Transport.FAMILY).require("tcp", Transport.class);
        } catch (UnknownStrategyException e) {
            return fail(err, e.getMessage());
        }
        NodeIdentity identity;
        DiskShardStore store;
        try {
            store = DiskShardStore.open(data, quota); // first: its lock keeps a second node out of the directory
        } catch (IOException e) {
            return fail(err, "cannot use data directory " + data + ": " + e.getMessage());
        }
        try {
            identity = NodeIdentity.load(data, signature);
        } catch (IOException e) {
            closeQuietly(store);
            return fail(err, "cannot use data directory " + data + ": " + e.getMessage());
        }
        PrintStream log = err;
        line(log, "node " + identity.nodeId() + (identity.created() ? " (new key in " + data.resolve(NodeIdentity.KEY_FILE) + ")" : ""));
        DiskShardStore.Startup s = store.startup();
        line(log, "data " + data + ": " + store.count() + " shards, " + Quantities.formatSize(store.used()) + " of "
                + Quantities.formatSize(quota) + " used" + (s.removedTemporaries() > 0 ? "; removed " + s.removedTemporaries()
                        + " unfinished uploads" : "") + (s.restoredChecksums() > 0 ? "; recomputed " + s.restoredChecksums()
                                + " checksums" : ""));
        Function<String, Optional<AuditScheme>> audits = n -> registry.family(AuditScheme.FAMILY).find(n).map(r -> r.service())
                .filter(AuditScheme.class::isInstance).map(AuditScheme.class::cast);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger();
        NodeServer server;
        try {
            server = NodeServer.start(tcp, port, coordinator, advertise, store, identity, signature, audits, new NodeEvents() {
                private boolean announced;

                @Override
                public void line(String text) {
                    NodeCommand.line(log, text);
                }

                @Override
                public void registered(String nodeId, String address) {
                    if (!announced) {
                        announced = true;
                        out.println("node " + nodeId + " serving on " + address);
                        out.flush();
                    } else {
                        line("registered again with the coordinator as " + nodeId);
                    }
                }

                @Override
                public void refused(String why, boolean everRegistered) {
                    String hint = identity.coordinatorKey().isPresent() && why.startsWith("coordinator key mismatch")
                            ? "; the pinned key is in " + identity.coordinatorFile() + " (delete it only if the coordinator's key was replaced on purpose)"
                            : "";
                    if (everRegistered) {
                        line(why + hint + "; retrying");
                    } else {
                        exit.set(1);
                        err.println(ME + ": " + why + hint);
                        stop.countDown();
                    }
                }
            });
        } catch (IOException e) {
            closeQuietly(store);
            boolean busy = e.getCause() instanceof BindException || String.valueOf(e.getMessage()).contains("in use");
            return fail(err, busy ? "port " + port + " is already in use (another node or program listens there); choose another --port"
                    + " (0 picks a free one)" : "cannot listen on port " + port + ": " + e.getMessage());
        }
        line(log, "listening on port " + server.port() + " (all interfaces); coordinator " + coordinator);
        Thread hook = new Thread(() -> {
            server.close();
            closeQuietly(store);
            stop.countDown();
        }, "peerlab-storage-node-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (exit.get() != 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            closeQuietly(store);
        }
        return exit.get();
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("node: --port must be a number from 0 to 65535, got '" + text + "'");
    }

    /** @return why the directory cannot hold the node's data, after creating it if missing */
    static Optional<String> checkDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("it is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Optional.of("it cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of("it is not a directory");
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
            return Optional.of("it is not readable and writable by this user");
        }
        return Optional.empty();
    }

    private static void closeQuietly(DiskShardStore store) {
        try {
            store.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    private static int fail(PrintStream err, String message) {
        err.println(ME + ": " + message);
        return 1;
    }

    private static void line(PrintStream log, String text) {
        log.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
    }
}
