package org.peerlab.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.protocol.rendezvous.RendezvousCore;
import org.peerlab.transfer.rendezvous.RendezvousServer;

/** {@code peerlab rendezvous}: runs a shared rendezvous server until stopped. */
@Component(service = Command.class)
public class RendezvousCommand implements Command {

    @Reference
    StrategyRegistry registry;

    @Override
    public String name() {
        return "rendezvous";
    }

    @Override
    public String summary() {
        return "run a rendezvous server where senders and receivers (and rooms of peers) find each other";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab rendezvous [--port P] [--bind ADDRESS]

                Serves rendezvous over TCP until stopped (Ctrl+C). Senders hold a nameplate (the number
                of a code, or their peer id) with the addresses where they can be reached; receivers look
                it up and connect directly. Rooms let several peers learn of each other and relay small
                signaling messages (at most 2048 bytes). The server relays signaling only: it never sees
                a code's words, a key or a file byte.

                Limits per client: messages of at most 4096 bytes, 20 per second (bursts of 60), 4
                nameplates, 4 rooms of at most 64 members. A client that breaks a limit is told why and
                disconnected; everyone else is unaffected.

                  --port P          TCP port (default 47470; 0 picks a free one, printed at start)
                  --bind ADDRESS    address to listen on (default 0.0.0.0, all interfaces)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of(), Set.of("port", "bind"), 0);
        int port = SendCommand.intOption(o, "port", TransferSupport.DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            throw new UsageException("peerlab rendezvous: --port must be from 0 to 65535");
        }
        String bind = o.value("bind").orElse("0.0.0.0");
        RendezvousServer server;
        try {
            server = RendezvousServer.start(TransferSupport.tcp(registry), bind + ":" + port, RendezvousCore.Limits.defaults(),
                    line -> err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line));
        } catch (IOException e) {
            err.println("peerlab rendezvous: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return TransferSupport.NETWORK;
        }
        out.println("Rendezvous listening on " + server.address());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "peerlab-rendezvous-stop"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
