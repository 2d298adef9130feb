package org.peerlab.storage.net.coordinator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.config.UserFolders;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.core.strategy.UnknownStrategyException;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.storage.coordinator.CoordinatorSettings;
import org.peerlab.storage.coordinator.LedgerException;
import org.peerlab.storage.coordinator.OrderSigner;
import org.peerlab.storage.net.cli.StorageSubcommand;
import org.peerlab.storage.net.config.StorageConfig;
import org.peerlab.transport.api.Transport;

/** {@code peerlab storage coordinator}: the node registry, file metadata, audits and repairs, until stopped. */
public final class CoordinatorCommand implements StorageSubcommand {

    private static final String ME = "peerlab storage coordinator";

    @Override
    public String name() {
        return "coordinator";
    }

    @Override
    public String summary() {
        return "run the coordinator: node registry, file metadata, audits, reputation and repairs";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab storage coordinator [--port P] [--bind ADDRESS] [--data DIR] [--config FILE]

                Runs the storage coordinator until stopped (Ctrl+C or a signal). Storage nodes register
                with it (proving their key) and send heartbeats; clients ask it where to put a file's
                shards and where to find them, with orders it signs. It never sees file contents or keys.
                Every audit-interval it challenges each node to prove it still holds a random shard;
                answers update the node's reputation, and a node whose reputation falls too low is
                disqualified. A file whose healthy shards fall below repair-threshold is rebuilt onto
                other nodes from the healthy ones. Policy comes from the configuration file (keys
                max-upload-size, min-reputation, placement, audit, audit-blocks, audit-interval,
                audit-timeout, audit-retries, reputation, signature, heartbeat-interval, offline-after,
                repair-threshold, repair-offline-after).

                Prints "coordinator listening on HOST:PORT" when ready, then one line per registration,
                failed audit, disqualification and repair, each with a timestamp.

                The data directory holds coordinator.mv.db (files, nodes, reputations; every
                acknowledgement follows a durable commit, so kill -9 loses nothing acknowledged) and
                coordinator.key (the signing key nodes pin, created at the first start, mode 600).

                  --port P          TCP port (default: the port of 'coordinator' in the configuration,
                                    47480; 0 picks a free one, printed)
                  --bind ADDRESS    address to listen on (default 0.0.0.0, all interfaces)
                  --data DIR        data directory (default <data>/storage/coordinator; created if missing)
                  --config FILE     storage configuration (default <config>/storage.json if present)

                Example:
                  peerlab storage coordinator --port 47480 --data ~/peerlab-coordinator
                """;
    }

    @Override
    public int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse("storage coordinator", args, Set.of(), Set.of("port", "bind", "data", "config"), 0);
        StorageConfig config;
        try {
            config = StorageConfig.load(o.value("config").map(Path::of));
        } catch (IOException e) {
            return fail(err, "cannot read the configuration " + o.value("config").orElse("") + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        String configured = config.text("coordinator");
        int port = port(o.value("port").orElse(configured.substring(configured.lastIndexOf(':') + 1)));
        String bind = o.value("bind").orElse("0.0.0.0");
        Path data = o.value("data").map(Path::of).orElse(UserFolders.data().resolve("storage").resolve("coordinator"));
        CoordinatorSettings settings;
        try {
            settings = settings(config);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        SignatureScheme signature;
        Transport tcp;
        try {
            signature = registry.family(SignatureScheme.FAMILY).require(config.text("signature"), SignatureScheme.class);
            tcp = registry.family(Transport.FAMILY).require("tcp", Transport.class);
        } catch (UnknownStrategyException e) {
            return fail(err, e.getMessage());
        }
        SigningKeyPair key;
        try {
            createDirectory(data);
            key = CoordinatorKeyFile.loadOrCreate(data, signature);
        } catch (IOException e) {
            return fail(err, "cannot use data directory " + data + ": " + e.getMessage());
        }
        MvStoreLedger ledger;
        try {
            ledger = MvStoreLedger.open(data);
        } catch (LedgerException e) {
            return fail(err, e.getMessage() + " (is another coordinator using " + data + "?)");
        }
        String known = ledger.fileIds().size() + " file(s), " + ledger.nodes().size() + " node(s) known";
        CoordinatorServer server;
        try {
            server = CoordinatorServer.start(tcp, bind + ":" + port, settings, registry, new OrderSigner(signature, key), ledger,
                    line -> line(out, line));
        } catch (IOException e) {
            ledger.close();
            boolean busy = e.getCause() instanceof BindException || String.valueOf(e.getMessage()).contains("in use");
            return fail(err, busy ? "port " + port + " is already in use; choose another --port (0 picks a free one)"
                    : "cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        } catch (UnknownStrategyException | InvalidParameterException | LedgerException e) {
            ledger.close();
            return fail(err, e.getMessage());
        } catch (IllegalArgumentException e) {
            ledger.close();
            return fail(err, config.source() + ": " + e.getMessage());
        }
        out.println("coordinator listening on " + server.address());
        out.flush();
        line(out, "data " + data + ": " + known);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ledger.close();
            stop.countDown();
        }, "peerlab-storage-coordinator-stop"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * @return the coordinator's policy from the configuration
     * @throws IllegalArgumentException naming the key whose value is out of range
     */
    static CoordinatorSettings settings(StorageConfig c) {
        return new CoordinatorSettings(c.size("max-upload-size"), c.decimal("min-reputation"), c.text("placement"), c.text("reputation"),
                c.text("audit"), "blocks=" + c.integer("audit-blocks"), c.millis("audit-interval"), c.millis("audit-timeout"),
                c.integer("audit-retries"), c.millis("heartbeat-interval"), c.millis("offline-after"), c.integer("repair-threshold"),
                c.millis("repair-offline-after"), c.millis("order-ttl"), c.millis("repair-timeout"), c.millis("repair-scan-interval"));
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(ME + ": --port must be a number from 0 to 65535, got '" + text + "'");
    }

    private static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("it is not writable");
        }
    }

    static void line(PrintStream out, String text) {
        out.println(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        out.flush();
    }

    private static int fail(PrintStream err, String message) {
        err.println(ME + ": " + message);
        return 1;
    }
}
