package org.peerlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.Host;
import org.peerlab.sim.net.LinkSpec;
import org.peerlab.sim.net.Router;
import org.peerlab.sim.net.SimNetwork;

/**
 * The simulator's own benchmarks: how many events per second one thread fires, and how much heap
 * a population of idle peers takes. Figures, not assertions: the command prints them next to
 * the targets (10^6 events/s on one core; 10^5 idle peers in at most 4 GiB).
 */
public final class SimulatorBenchmark {

    /** Events per second at one pending-event population. */
    public record EventRate(int pending, long events, double seconds, double eventsPerSecond) {
    }

    /** Heap taken by a population of idle peers, measured after a full collection. */
    public record IdleHeap(int peers, long heapBytes, long bytesPerPeer, long eventsFired, double simulatedSeconds) {
    }

    private final Consumer<String> progress;

    public SimulatorBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * The hold model: {@code pending} events are kept in the future event list; each one that
     * fires draws an exponential delay from a named stream and schedules its successor. Runs
     * warm-up rounds, then {@code rounds} measured rounds of {@code eventsPerRound} events.
     */
    public List<EventRate> eventRate(int[] pendings, long eventsPerRound, int rounds) {
        List<EventRate> out = new ArrayList<>();
        for (int pending : pendings) {
            for (int round = -2; round < rounds; round++) {
                Simulator sim = new Simulator(1234);
                RandomGenerator delays = sim.random().stream("delays");
                long[] left = { eventsPerRound };
                class Hold implements org.peerlab.sim.Event {
                    @Override
                    public void fire() {
                        if (--left[0] > 0) {
                            sim.schedule(1 + (long) (-Math.log(1 - delays.nextDouble()) * 1_000_000), this);
                        } else {
                            sim.stop();
                        }
                    }
                }
                for (int i = 0; i < pending; i++) {
                    sim.schedule(1 + (long) (delays.nextDouble() * 1_000_000), new Hold());
                }
                long start = System.nanoTime();
                sim.run();
                double seconds = (System.nanoTime() - start) / 1e9;
                long events = sim.eventsFired();
                if (round >= 0) {
                    EventRate r = new EventRate(pending, events, seconds, events / seconds);
                    out.add(r);
                    progress.accept(String.format(java.util.Locale.ROOT, "event rate: %,d pending, round %d: %,.0f events/s", pending, round + 1, r.eventsPerSecond()));
                }
            }
        }
        return out;
    }

    /**
     * Builds {@code peers} idle peers with {@code factory} on one simulator (each peer schedules
     * whatever it does while idle), runs {@code simulatedSeconds} of virtual time, and measures
     * the heap the simulator holds.
     *
     * @param factory makes peer {@code i} on the given simulator and returns it (kept reachable)
     */
    public IdleHeap idlePeers(int peers, double simulatedSeconds, java.util.function.Function<Simulator, IntFunction<Object>> factory) {
        long before = usedAfterGc();
        Simulator sim = new Simulator(99);
        IntFunction<Object> make = factory.apply(sim);
        Object[] population = new Object[peers];
        for (int i = 0; i < peers; i++) {
            population[i] = make.apply(i);
            if ((i + 1) % 20_000 == 0) {
                progress.accept(String.format(java.util.Locale.ROOT, "idle peers: %,d built", i + 1));
            }
        }
        sim.runUntil((long) (simulatedSeconds * Simulator.SECOND));
        long used = usedAfterGc() - before;
        IdleHeap h = new IdleHeap(peers, used, used / Math.max(1, peers), sim.eventsFired(), simulatedSeconds);
        java.lang.ref.Reference.reachabilityFence(population);
        java.lang.ref.Reference.reachabilityFence(sim);
        return h;
    }

    /**
     * The idle peers of the heap benchmark: each peer is a host of a {@link SimNetwork} with a
     * duplex 20/100 Mbit/s access link to one of 64 routers (a star of stars), and a keepalive
     * timer every 25 s (with a random phase) such as a peer behind a NAT keeps.
     */
    public static java.util.function.Function<Simulator, IntFunction<Object>> networkPeers() {
        return sim -> {
            SimNetwork net = new SimNetwork(sim);
            Router core = net.router("core");
            Router[] edges = new Router[64];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = net.router("edge-" + i);
                net.connect(edges[i], core, LinkSpec.of(10e9, 5));
            }
            LinkSpec access = new LinkSpec(20e6, Dist.constant(10), Dist.constant(0), 0, LinkSpec.DEFAULT_QUEUE);
            RandomGenerator phase = sim.random().stream("keepalive-phase");
            return i -> {
                Host h = net.host("peer-" + i);
                net.connect(h, edges[i % edges.length], access);
                new Keepalive(sim, 25 * Simulator.SECOND).start((long) (phase.nextDouble() * 25 * Simulator.SECOND));
                return h;
            };
        };
    }

    /** A periodic timer that re-arms itself, standing for a NAT keepalive. */
    private static final class Keepalive implements org.peerlab.sim.Event {
        private final Simulator sim;
        private final long period;
        private long sent;

        Keepalive(Simulator sim, long period) {
            this.sim = sim;
            this.period = period;
        }

        void start(long phase) {
            sim.schedule(phase, this);
        }

        @Override
        public void fire() {
            sent++;
            sim.schedule(period, this);
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
