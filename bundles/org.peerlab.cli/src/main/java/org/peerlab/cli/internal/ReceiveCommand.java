package org.peerlab.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.cli.internal.TransferSupport.Progress;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.handshake.HandshakeConfig;
import org.peerlab.protocol.handshake.SessionKeys;
import org.peerlab.protocol.transfer.FileEntry;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.PeerCheck;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.protocol.transfer.ReceiveSession;
import org.peerlab.protocol.transfer.TransferConfig;
import org.peerlab.transfer.files.DiskStore;
import org.peerlab.transfer.net.SessionDriver;
import org.peerlab.transfer.pairing.Code;
import org.peerlab.transfer.pairing.Devices;
import org.peerlab.transfer.rendezvous.RendezvousClient;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Transport;

/** {@code peerlab receive}: receives what a sender offers, by code, QR link or pairing. */
@Component(service = Command.class)
public class ReceiveCommand implements Command {

    @Reference
    StrategyRegistry registry;

    @Override
    public String name() {
        return "receive";
    }

    @Override
    public String summary() {
        return "receive files from a sender by code, QR link or pairing; resumes interrupted transfers";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab receive CODE|LINK|PEER-ID [--out DIR] [--yes] [--rendezvous HOST:PORT]
                                       [--timeout SECONDS]

                CODE is what the sender printed (7-copper-lantern, or 7-copper-lantern@HOST:PORT when it
                names its rendezvous); LINK is the peerlab:receive?... text of the sender's QR code,
                which also pins the sender's identity; PEER-ID is a paired device (peerlab peers) that
                runs `peerlab send --to` this device.

                Shows the offer (names and sizes) and asks before receiving, unless --yes. Every piece
                is checked against the offer's SHA-256 hashes and each file's Merkle root before the
                file gets its final name; until then it lives in DIR/.peerlab-partial. If the transfer
                is interrupted, run the same command again: verified pieces are kept and not sent again.
                Existing files are never overwritten; names that would leave DIR are refused.

                  --out DIR              where to put the files (default: the current folder)
                  --yes                  accept the offer without asking
                  --rendezvous HOST:PORT the rendezvous server the sender uses (default: the one in the
                                         code or link, else 127.0.0.1:47470)
                  --timeout SECONDS      give up if the transfer has not completed by then (default: no limit)
                """ + TransferSupport.EXIT_CODES;
    }

    /** Where to find the sender and how to authenticate it. */
    private record Target(String nameplate, Code code, String rendezvous, byte[] fingerprint, String peerId) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of("yes"), Set.of("out", "rendezvous", "timeout"), 1);
        if (o.positional().isEmpty()) {
            throw new UsageException("peerlab receive: give the code the sender printed (for example 7-copper-lantern)");
        }
        long timeout = SendCommand.intOption(o, "timeout", 0);
        Path outDir = Path.of(o.value("out").orElse("."));
        SignatureScheme scheme = TransferSupport.identityScheme(registry);
        Transport tcp = TransferSupport.tcp(registry);
        org.peerlab.transfer.net.Warmup.start(HandshakeConfig.defaults(registry, null, null), null);
        Devices devices = new Devices(Devices.defaultFolder());
        Target target;
        SigningKeyPair identity;
        try {
            identity = devices.identity(scheme);
            target = target(o.positional().get(0), devices);
        } catch (IOException e) {
            err.println("peerlab receive: " + e.getMessage());
            return TransferSupport.IO_ERROR;
        }
        String rv = o.value("rendezvous").orElse(target.rendezvous() != null ? target.rendezvous() : "127.0.0.1:" + TransferSupport.DEFAULT_PORT);
        List<String> candidates;
        try (RendezvousClient client = RendezvousClient.connect(tcp, rv, Duration.ofSeconds(10))) {
            candidates = client.lookup(target.nameplate());
        } catch (RendezvousClient.RendezvousException e) {
            err.println("peerlab receive: " + e.getMessage() + (e.getMessage().startsWith("nobody") ? " at " + rv
                    + " (is the sender still waiting? same rendezvous? pass --rendezvous HOST:PORT or the code with @HOST:PORT)" : ""));
            return TransferSupport.NETWORK;
        } catch (IOException e) {
            err.println("peerlab receive: " + e.getMessage());
            return TransferSupport.NETWORK;
        }
        PeerCheck check = target.fingerprint() != null ? PeerCheck.fingerprint(target.fingerprint()) : PeerCheck.codeRequired();
        Secret secret = target.code() == null ? null : Secret.copyOf(target.code().secret().getBytes(StandardCharsets.UTF_8));
        TransferConfig config = new TransferConfig(HandshakeConfig.defaults(registry, secret == null ? null : "jpake", secret),
                scheme.descriptor().name(), identity, check);
        CompletableFuture<Manifest> offered = new CompletableFuture<>();
        long[] connectedAndAuthenticated = new long[2]; // System.nanoTime() of both moments, for the summary
        Progress progress = new Progress(err, "receiving");
        Progress checking = new Progress(err, "checking kept pieces");
        DiskStore store = new DiskStore(outDir).onCheckProgress((checked, total) -> checking.update(checked, total, 0));
        SessionDriver driver = new SessionDriver(l -> new ReceiveSession(config, store, l), new SessionDriver.Events() {
            @Override
            public void authenticated(SessionKeys keys, PeerIdentity peer) {
                connectedAndAuthenticated[1] = System.nanoTime();
                err.println("connected to " + peer.peerId() + " (" + keys.keyExchange() + ", " + keys.aead().descriptor().name()
                        + "; short authentication string " + keys.sas() + ")");
            }

            @Override
            public void offered(SessionDriver d, Manifest manifest) {
                offered.complete(manifest);
            }

            @Override
            public void progress(long done, long total, long resumed) {
                progress.update(done, total, resumed);
            }
        }).checkPiecesInBackground();
        driver.outcome().thenRun(() -> offered.complete(null));
        if (!connect(tcp, candidates, driver, connectedAndAuthenticated)) {
            err.println("peerlab receive: cannot reach the sender at " + String.join(", ", candidates));
            return TransferSupport.NETWORK;
        }
        try {
            Manifest manifest = offered.get();
            if (manifest != null) {
                describe(manifest, outDir, out);
                if (o.flag("yes") || ask(err)) {
                    if (Files.isDirectory(outDir.resolve(DiskStore.PARTIAL))) {
                        err.println("checking what an earlier transfer left in " + outDir.resolve(DiskStore.PARTIAL) + " ...");
                    }
                    driver.accept();
                    checking.interrupt();
                    long[] kept = store.resumeCheck();
                    if (kept[1] > 0) {
                        err.println(kept[1] + " piece(s) kept from an earlier transfer no longer match their hashes (changed on disk, or lost in a"
                                + " crash): they are received again");
                    }
                } else {
                    driver.decline();
                }
            }
            SessionDriver.Outcome outcome = timeout > 0 ? driver.outcome().get(timeout, TimeUnit.SECONDS) : driver.outcome().get();
            long ended = System.nanoTime();
            driver.awaitClosed(5000);
            progress.interrupt();
            if (outcome.ok()) {
                if (target.code() != null && outcome.peer() != null) {
                    devices.remember(outcome.peer(), o.value("rendezvous").orElse(target.rendezvous()));
                }
                out.printf(Locale.ROOT, "Received %d %s (%s) into %s in %.2f s from connection to verified files (handshake %.2f s); "
                        + "every file verified against its Merkle root. Paired with %s.%n",
                        manifest.files().size(), manifest.files().size() == 1 ? "file" : "files", TransferSupport.size(manifest.totalBytes()),
                        outDir.toAbsolutePath().normalize(), (ended - connectedAndAuthenticated[0]) / 1e9,
                        (connectedAndAuthenticated[1] - connectedAndAuthenticated[0]) / 1e9, outcome.peer().peerId());
                return 0;
            }
            ProtocolException f = outcome.failure();
            err.println("peerlab receive: " + f.getMessage());
            if (f.reason() == Reason.CONNECTION_LOST && Files.isDirectory(outDir.resolve(DiskStore.PARTIAL))) {
                err.println("peerlab receive: verified pieces are kept in " + outDir.resolve(DiskStore.PARTIAL)
                        + "; run the same command again to resume");
            }
            return TransferSupport.exitCode(f);
        } catch (TimeoutException e) {
            driver.cancel("the receiver gave up after " + timeout + " s");
            driver.awaitClosed(5000);
            err.println("peerlab receive: the transfer did not complete within " + timeout + " s; run again to resume");
            return TransferSupport.NETWORK;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TransferSupport.NETWORK;
        } catch (IOException e) {
            err.println("peerlab receive: cannot remember the sender: " + e.getMessage());
            return TransferSupport.IO_ERROR;
        }
    }

    private Target target(String arg, Devices devices) throws UsageException, IOException {
        if (arg.startsWith("peerlab:receive?")) {
            Map<String, String> q = new HashMap<>();
            for (String kv : arg.substring("peerlab:receive?".length()).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            Code code = q.containsKey("code") ? Code.parse(q.get("code")) : null;
            byte[] fp = q.containsKey("fp") ? PeerIdentity.fromBase32(q.get("fp")) : null;
            if (code == null || fp == null || fp.length != 32) {
                throw new UsageException("peerlab receive: the link lacks a valid code or fingerprint (code=..., fp=...)");
            }
            return new Target(code.nameplate(), code, q.get("rv"), fp, q.get("id"));
        }
        Code code = Code.parse(arg);
        if (code != null && !arg.matches("[A-Za-z]{3}-[0-9]{3}")) {
            return new Target(code.nameplate(), code, code.rendezvous(), null, null);
        }
        if (arg.matches("[A-Za-z]{3}-[0-9]{3}")) {
            Devices.Paired p = devices.find(arg).orElseThrow(() -> new UsageException("peerlab receive: " + arg
                    + " is not a paired device (see peerlab peers); to pair, receive once with a code"));
            return new Target(p.identity().peerId(), null, p.rendezvous(), p.identity().fingerprint(), p.identity().peerId());
        }
        throw new UsageException("peerlab receive: '" + arg + "' is neither a code (7-copper-lantern), a peerlab:receive? link nor a paired peer id");
    }

    /**
     * Tries the candidates in order; records the moment one opened in {@code openedAt[0]}.
     *
     * @return whether one connected (the driver then runs on it)
     */
    private static boolean connect(Transport tcp, List<String> candidates, SessionDriver driver, long[] openedAt) {
        var params = tcp.descriptor().bind(Map.of("connect-timeout-ms", "3000"));
        for (String address : candidates) {
            CompletableFuture<Boolean> opened = new CompletableFuture<>();
            tcp.connect(address, params, new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    openedAt[0] = System.nanoTime();
                    opened.complete(true);
                    driver.onOpen(c);
                }

                @Override
                public void onFrame(Connection c, ByteBuffer frame) {
                    driver.onFrame(c, frame);
                }

                @Override
                public void onWritable(Connection c) {
                    driver.onWritable(c);
                }

                @Override
                public void onClosed(Connection c, Throwable cause) {
                    if (opened.complete(false)) {
                        return;
                    }
                    driver.onClosed(c, cause);
                }
            });
            try {
                if (opened.get(5, TimeUnit.SECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                // try the next candidate
            }
        }
        return false;
    }

    private static void describe(Manifest m, Path outDir, PrintStream out) {
        out.println("The sender offers " + m.files().size() + (m.files().size() == 1 ? " file" : " files") + ", "
                + TransferSupport.size(m.totalBytes()) + ", into " + outDir.toAbsolutePath().normalize() + ":");
        int shown = 0;
        for (FileEntry f : m.files()) {
            if (shown++ == 10) {
                out.println("  ... and " + (m.files().size() - 10) + " more");
                break;
            }
            out.println("  " + f.path().replaceAll("\\p{Cntrl}", "?") + "  (" + TransferSupport.size(f.size()) + ")");
        }
        out.flush();
    }

    private static boolean ask(PrintStream err) {
        if (!Boolean.getBoolean("peerlab.tty") || System.console() == null) {
            err.println("peerlab receive: not on a terminal, so the offer is declined; pass --yes to accept without asking");
            return false;
        }
        err.print("Accept? [y/N] ");
        err.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
