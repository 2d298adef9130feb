package org.peerlab.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.peerlab.bench.SimulatorBenchmark;
import org.peerlab.bench.SimulatorBenchmark.EventRate;
import org.peerlab.bench.SimulatorBenchmark.IdleHeap;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;

/** {@code peerlab bench-sim}: the simulator's event rate and the heap of an idle population. */
@Component(service = Command.class)
public class SimBenchCommand implements Command {

    @Override
    public String name() {
        return "bench-sim";
    }

    @Override
    public String summary() {
        return "measure the simulator: events per second on one thread, heap of 100,000 idle peers";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab bench-sim [--events N] [--rounds N] [--peers N] [--seconds S]

                Event rate: the hold model (each fired event schedules its successor with an
                exponential delay drawn from a random stream) with 1,000, 100,000 and 1,000,000
                pending events; two warm-up rounds, then --rounds measured rounds of --events
                events (defaults 5 and 5,000,000). One simulator is one thread, so this is the
                rate of one core. Target: at least 1,000,000 events/s.

                Idle peers: --peers hosts (default 100,000), each with a duplex access link in a
                star of 64 edge routers and a keepalive timer every 25 s, run for --seconds of
                virtual time (default 300); prints the heap they hold after a full collection.
                Target: 100,000 idle peers in at most 4 GiB (run with PEERLAB_JAVA_OPTS=-Xmx4g
                to prove the bound: bench/sim-bench.sh does).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of(), Set.of("events", "rounds", "peers", "seconds"), 0);
        long events = number(o, "events", 5_000_000);
        int rounds = (int) number(o, "rounds", 5);
        int peers = (int) number(o, "peers", 100_000);
        long seconds = number(o, "seconds", 300);
        SimulatorBenchmark bench = new SimulatorBenchmark(line -> err.println("bench-sim: " + line));
        List<EventRate> rates = bench.eventRate(new int[] { 1_000, 100_000, 1_000_000 }, events, rounds);
        out.println("event rate (one thread):");
        for (int pending : new int[] { 1_000, 100_000, 1_000_000 }) {
            double[] r = rates.stream().filter(x -> x.pending() == pending).mapToDouble(EventRate::eventsPerSecond).sorted().toArray();
            out.printf(Locale.ROOT, "  %,9d pending events: median %,.0f events/s (min %,.0f, max %,.0f, %d rounds of %,d events)%n", pending,
                    r[r.length / 2], r[0], r[r.length - 1], r.length, events);
        }
        IdleHeap h = bench.idlePeers(peers, seconds, SimulatorBenchmark.networkPeers());
        out.printf(Locale.ROOT, "idle peers: %,d peers hold %,.1f MiB of heap (%,d bytes per peer) after %,.0f s of virtual time and %,d events; max heap %,d MiB%n",
                h.peers(), h.heapBytes() / 1048576.0, h.bytesPerPeer(), h.simulatedSeconds(), h.eventsFired(), Runtime.getRuntime().maxMemory() >> 20);
        return 0;
    }

    private static long number(Options o, String name, long fallback) throws UsageException {
        String v = o.value(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n < 1) {
                throw new UsageException("--" + name + " must be at least 1, got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
        }
    }
}
