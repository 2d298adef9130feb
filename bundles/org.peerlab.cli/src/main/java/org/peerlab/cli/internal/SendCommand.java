package org.peerlab.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import org.peerlab.protocol.rendezvous.RendezvousCore;
import org.peerlab.protocol.transfer.FileSource;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.PeerCheck;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.protocol.transfer.SendSession;
import org.peerlab.protocol.transfer.TransferConfig;
import org.peerlab.transfer.files.OfferBuilder;
import org.peerlab.transfer.net.SessionDriver;
import org.peerlab.transfer.pairing.Code;
import org.peerlab.transfer.pairing.Devices;
import org.peerlab.transfer.pairing.Qr;
import org.peerlab.transfer.rendezvous.RendezvousClient;
import org.peerlab.transfer.rendezvous.RendezvousServer;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/**
 * {@code peerlab send}: offers files to one receiver (or to several, each its own session),
 * authenticated by a code, a QR code or a pairing.
 */
@Component(service = Command.class)
public class SendCommand implements Command {

    static final int MAX_ATTEMPTS = 3;
    static final int MAX_RECEIVERS = 64;

    /** A session that ended, with the progress it reported. */
    private record Finished(SessionDriver.Outcome outcome, Progress progress) {
    }

    @Reference
    StrategyRegistry registry;

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String summary() {
        return "send files and folders to another device, end-to-end encrypted, by code, QR code or pairing";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab send PATH... [--code CODE] [--rendezvous HOST:PORT] [--to PEER-ID]
                                            [--receivers N] [--piece-size BYTES] [--timeout SECONDS]

                Offers the files and folders to one receiver (with --receivers, to several) and
                waits. Prints a code such as 7-copper-lantern and a QR code; the receiver runs
                `peerlab receive CODE` (or scans the QR code). The code authenticates both sides
                with a PAKE (J-PAKE): the rendezvous server sees only its number, never the words,
                a key or a file byte. Files go directly between the two devices over TCP, sealed
                with the negotiated AEAD. After a transfer by code the two devices are paired and
                can skip the code next time (--to).
                If the connection drops, the sender keeps waiting: the receiver runs the same
                command again and resumes from the pieces it has verified.

                  --code CODE            use this code (NAMEPLATE-word-word) instead of a fresh one
                  --rendezvous HOST:PORT use a shared rendezvous server (see peerlab rendezvous);
                                         without it an embedded one listens on port 47470 (or a free
                                         port, then the printed code carries @HOST:PORT)
                  --to PEER-ID           send to a paired device without a code (peerlab peers)
                  --receivers N          serve N receivers with the same code, at the same time if
                                         they come together (each its own session, keys and
                                         resume); done when N different devices have verified
                                         everything (default 1, at most 64)
                  --piece-size BYTES     piece size, a power of two from 16384 to 1048576 (default 262144)
                  --timeout SECONDS      give up when no receiver completes within this time (default: wait)
                  --limit-rate RATE      send at most RATE bytes per second to each receiver
                                         (suffix K, M or G: 20M)

                A receiver with a wrong code fails on both sides; after 3 wrong attempts in all the
                sender gives up.
                """ + TransferSupport.EXIT_CODES;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of(), Set.of("code", "rendezvous", "to", "piece-size", "timeout", "limit-rate", "receivers"),
                Integer.MAX_VALUE);
        if (o.positional().isEmpty()) {
            throw new UsageException("peerlab send: name at least one file or folder to send");
        }
        if (o.value("code").isPresent() && o.value("to").isPresent()) {
            throw new UsageException("peerlab send: --code and --to exclude each other (a paired device needs no code)");
        }
        int pieceSize = intOption(o, "piece-size", Manifest.DEFAULT_PIECE);
        int receivers = intOption(o, "receivers", 1);
        if (receivers < 1 || receivers > MAX_RECEIVERS) {
            throw new UsageException("peerlab send: --receivers must be from 1 to " + MAX_RECEIVERS + ", got " + receivers);
        }
        if (receivers > 1 && o.value("to").isPresent()) {
            throw new UsageException("peerlab send: --to names one paired device; --receivers needs a code");
        }
        long timeout = intOption(o, "timeout", 0);
        long rate = rate(o.value("limit-rate").orElse("0"));
        Code chosen = null;
        if (o.value("code").isPresent()) {
            chosen = Code.parse(o.value("code").get());
            if (chosen == null || chosen.rendezvous() != null) {
                throw new UsageException("peerlab send: --code must look like 7-copper-lantern (a nameplate and words, no @address)");
            }
        }
        Transport tcp = TransferSupport.tcp(registry);
        SignatureScheme scheme = TransferSupport.identityScheme(registry);
        // The sender waits for its receiver anyway: it rehearses the handshake meanwhile.
        boolean byCode = o.value("to").isEmpty();
        org.peerlab.transfer.net.Warmup.start(HandshakeConfig.defaults(registry, byCode ? "jpake" : null,
                byCode ? Secret.copyOf("rehearsal".getBytes(StandardCharsets.US_ASCII)) : null), scheme);
        Devices devices = new Devices(Devices.defaultFolder());
        OfferBuilder.Offer offer;
        SigningKeyPair identity;
        Devices.Paired to = null;
        try {
            identity = devices.identity(scheme);
            if (o.value("to").isPresent()) {
                to = devices.find(o.value("to").get()).orElse(null);
                if (to == null) {
                    throw new UsageException("peerlab send: " + o.value("to").get() + " is not a paired device (see peerlab peers)");
                }
            }
            List<Path> paths = o.positional().stream().map(Path::of).toList();
            Progress hashing = new Progress(err, "hashing");
            long[] hashed = { 0 };
            long total = 0;
            for (Path p : paths) {
                if (java.nio.file.Files.isRegularFile(p)) {
                    total += java.nio.file.Files.size(p);
                }
            }
            long t = total;
            offer = OfferBuilder.build(paths, pieceSize, n -> {
                hashed[0] += n;
                if (t > (64 << 20)) {
                    hashing.update(hashed[0], t, 0);
                }
            });
            offer.skipped().forEach(s -> err.println("peerlab send: skipped " + s));
        } catch (IllegalArgumentException e) {
            throw new UsageException("peerlab send: " + e.getMessage());
        } catch (IOException e) {
            err.println("peerlab send: " + e.getMessage());
            return TransferSupport.IO_ERROR;
        }
        PeerIdentity self = new PeerIdentity(scheme.descriptor().name(), identity.publicKey());
        java.util.concurrent.ScheduledExecutorService pacer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "peerlab-send-pacer");
            t.setDaemon(true);
            return t;
        });
        RendezvousServer embedded = null;
        RendezvousClient rendezvous = null;
        Listener listener = null;
        try {
            String rvAddress;
            String advertised;
            if (o.value("rendezvous").isPresent()) {
                rvAddress = o.value("rendezvous").get();
                advertised = rvAddress;
            } else {
                try {
                    embedded = RendezvousServer.start(tcp, "0.0.0.0:" + TransferSupport.DEFAULT_PORT, RendezvousCore.Limits.defaults(), line -> { });
                } catch (IOException busy) {
                    embedded = RendezvousServer.start(tcp, "0.0.0.0:0", RendezvousCore.Limits.defaults(), line -> { });
                }
                int port = TransferSupport.port(embedded.address());
                rvAddress = "127.0.0.1:" + port;
                advertised = TransferSupport.hostAddresses().get(0) + ":" + port;
            }
            try {
                rendezvous = RendezvousClient.connect(tcp, rvAddress, Duration.ofSeconds(10));
            } catch (IOException e) {
                err.println("peerlab send: " + e.getMessage());
                return TransferSupport.NETWORK;
            }
            BlockingQueue<Finished> outcomes = new LinkedBlockingQueue<>();
            // sessions under way and devices served: a connection beyond what is still needed is refused
            Object slots = new Object();
            int[] active = { 0 };
            Set<String> served = new HashSet<>();
            List<Progress> live = new java.util.concurrent.CopyOnWriteArrayList<>();
            Code code;
            String nameplate;
            PeerCheck check;
            Secret secret;
            if (to != null) {
                code = null;
                nameplate = self.peerId();
                check = PeerCheck.fingerprint(to.identity().fingerprint());
                secret = null;
            } else {
                code = chosen != null ? chosen : Code.generate(rendezvous.allocate(), new SecureRandom());
                nameplate = code.nameplate();
                check = PeerCheck.codeRequired();
                secret = Secret.copyOf(code.secret().getBytes(StandardCharsets.UTF_8));
            }
            TransferConfig config = new TransferConfig(HandshakeConfig.defaults(registry, secret == null ? null : "jpake", secret),
                    scheme.descriptor().name(), identity, check);
            OfferBuilder.Offer theOffer = offer;
            listener = tcp.listen("0.0.0.0:0", tcp.descriptor().defaults(), () -> {
                synchronized (slots) {
                    if (active[0] + served.size() >= receivers) {
                        return refuseBusy();
                    }
                    active[0]++;
                }
                // several receivers at once: plain lines that name each one, not one redrawn bar
                Progress progress = new Progress(err, "sending", receivers > 1);
                live.add(progress);
                FileSource source = theOffer.source();
                SessionDriver driver = new SessionDriver(l -> new SendSession(config, theOffer.manifest(), source, l),
                        new SessionDriver.Events() {
                            @Override
                            public void authenticated(SessionKeys keys, PeerIdentity peer) {
                                progress.interrupt();
                                if (receivers > 1) {
                                    progress.rename("sending to " + peer.peerId());
                                }
                                err.println("receiver " + peer.peerId() + " connected and authenticated (" + keys.keyExchange() + ", "
                                        + keys.aead().descriptor().name() + "; short authentication string " + keys.sas() + ")");
                            }

                            @Override
                            public void progress(long done, long total, long resumed) {
                                progress.update(done, total, resumed);
                            }
                        });
                if (rate > 0) {
                    driver.limitRate(rate, pacer);
                }
                driver.outcome().thenAccept(outcome -> {
                    closeQuietly(source); // the session is over: it reads no more
                    synchronized (slots) {
                        active[0]--;
                        if (outcome.ok() && outcome.peer() != null) {
                            served.add(outcome.peer().peerId());
                        }
                    }
                    driver.closed().thenRun(() -> {
                        live.remove(progress);
                        outcomes.add(new Finished(outcome, progress));
                    });
                });
                return driver;
            });
            int port = TransferSupport.port(listener.address());
            List<String> candidates = new ArrayList<>();
            TransferSupport.hostAddresses().forEach(a -> candidates.add(a + ":" + port));
            rendezvous.open(nameplate, candidates.subList(0, Math.min(candidates.size(), 8)));
            Manifest m = offer.manifest();
            out.println("Sending " + m.files().size() + (m.files().size() == 1 ? " file" : " files") + " (" + TransferSupport.size(m.totalBytes())
                    + ") as " + self.peerId() + ".");
            String receiveArg;
            if (code == null) {
                receiveArg = self.peerId() + (embedded != null ? "" : " --rendezvous " + rvAddress);
                out.println("On " + to.identity().peerId() + " run:  peerlab receive " + receiveArg
                        + (embedded != null ? " --rendezvous " + advertised : ""));
            } else {
                boolean defaultPlace = embedded != null && TransferSupport.port(embedded.address()) == TransferSupport.DEFAULT_PORT;
                Code printed = embedded != null && !defaultPlace ? code.at(advertised) : code;
                out.println("Code: " + printed);
                String where = receivers == 1 ? "On the other device" : "On each of the " + receivers + " receiving devices";
                out.println(where + " run:  peerlab receive " + printed + (embedded == null ? " --rendezvous " + rvAddress : ""));
                if (defaultPlace) {
                    out.println("(from another machine on this network:  peerlab receive " + code.at(advertised) + ")");
                }
                String link = "peerlab:receive?code=" + enc(code.secret()) + "&rv=" + enc(advertised) + "&id=" + self.peerId() + "&fp="
                        + self.fingerprintText();
                out.println("Or scan:");
                out.print(Qr.draw(link, Boolean.getBoolean("peerlab.tty")));
                out.println(link);
            }
            out.flush();
            return await(outcomes, live, receivers, timeout, code != null, devices, o.value("rendezvous").orElse(null), out, err);
        } catch (IOException e) {
            err.println("peerlab send: " + e.getMessage());
            return e instanceof RendezvousClient.RendezvousException ? TransferSupport.NETWORK : TransferSupport.IO_ERROR;
        } finally {
            pacer.shutdownNow();
            if (listener != null) {
                listener.close();
            }
            if (rendezvous != null) {
                rendezvous.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private int await(BlockingQueue<Finished> outcomes, List<Progress> live, int receivers, long timeout, boolean byCode, Devices devices,
            String sharedRendezvous, PrintStream out, PrintStream err) throws IOException {
        long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000_000L : Long.MAX_VALUE;
        int wrong = 0;
        Set<String> verified = new LinkedHashSet<>();
        while (true) {
            Finished finished;
            try {
                finished = outcomes.poll(Math.max(1, Math.min(deadline - System.nanoTime(), 3_600_000_000_000L)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TransferSupport.NETWORK;
            }
            if (finished == null) {
                if (System.nanoTime() >= deadline) {
                    live.forEach(Progress::interrupt);
                    err.println(receivers == 1 ? "peerlab send: no receiver completed the transfer within " + timeout + " s"
                            : "peerlab send: " + verified.size() + " of " + receivers + " receivers completed the transfer within " + timeout + " s");
                    return TransferSupport.NETWORK;
                }
                continue;
            }
            SessionDriver.Outcome outcome = finished.outcome();
            Progress progress = finished.progress();
            progress.interrupt();
            if (outcome.ok()) {
                if (byCode && outcome.peer() != null) {
                    devices.remember(outcome.peer(), sharedRendezvous);
                }
                String wire = TransferSupport.size(outcome.bytesSent());
                if (receivers == 1) {
                    out.printf(Locale.ROOT, "Done: the receiver verified every file (%s on the wire in %.1f s). Paired with %s.%n", wire,
                            progress.seconds(), outcome.peer().peerId());
                    return 0;
                }
                verified.add(outcome.peer().peerId());
                out.printf(Locale.ROOT, "Done: receiver %s verified every file (%s on the wire in %.1f s); %d of %d receivers done.%n",
                        outcome.peer().peerId(), wire, progress.seconds(), verified.size(), receivers);
                if (verified.size() >= receivers) {
                    out.println("Done: all " + receivers + " receivers verified every file (" + String.join(", ", verified) + "); each is paired.");
                    return 0;
                }
                continue;
            }
            ProtocolException f = outcome.failure();
            switch (f.reason()) {
                case CONNECTION_LOST, PEER_ERROR, MALFORMED, UNEXPECTED_MESSAGE, UNSUPPORTED_VERSION, KEY_EXCHANGE_FAILED -> {
                    if (outcome.peer() == null) {
                        wrong++;
                        err.println("peerlab send: a connection failed before authentication (" + f.getMessage() + ")"
                                + (wrong < MAX_ATTEMPTS ? "; still waiting" : ""));
                    } else {
                        err.println("peerlab send: " + f.getMessage() + "; waiting for the receiver to reconnect and resume (same code)");
                    }
                }
                case AUTHENTICATION_FAILED -> {
                    wrong++;
                    err.println("peerlab send: a receiver failed to authenticate (wrong code?), attempt " + wrong + " of " + MAX_ATTEMPTS + ": "
                            + f.getMessage());
                }
                default -> {
                    err.println("peerlab send: " + f.getMessage());
                    return TransferSupport.exitCode(f);
                }
            }
            if (wrong >= MAX_ATTEMPTS) {
                err.println("peerlab send: " + MAX_ATTEMPTS + " failed attempts; giving up (start again for a new code)");
                return TransferSupport.WRONG_CODE;
            }
        }
    }

    private static void closeQuietly(FileSource source) {
        try {
            source.close();
        } catch (IOException e) {
            // it was only read: nothing is lost
        }
    }

    private static ConnectionHandler refuseBusy() {
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                c.send(java.nio.ByteBuffer.wrap(org.peerlab.protocol.wire.ErrorMessage.encode(new ProtocolException(Reason.REFUSED,
                        "the sender is busy with another receiver"))));
                c.close();
            }

            @Override
            public void onFrame(Connection c, java.nio.ByteBuffer frame) {
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
            }
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** @return bytes per second from {@code 20M}, {@code 500K}, {@code 1G} or a plain number */
    static long rate(String text) throws UsageException {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : t.endsWith("G") ? 1L << 30 : 1;
        try {
            long v = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            if (v < 0 || v > 0 && v < 16384) {
                throw new UsageException("--limit-rate must be at least 16K, got '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--limit-rate needs bytes per second such as 20M, got '" + text + "'");
        }
    }

    static int intOption(Options o, String name, int fallback) throws UsageException {
        if (o.value(name).isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(o.value(name).get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + o.value(name).get() + "'");
        }
    }

}
