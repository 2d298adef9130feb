package org.peerlab.sim.nat;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;

/**
 * A UDP world on one {@link Simulator}: the public internet, private sites behind NATs or
 * firewalls, STUN servers and TURN relays. A datagram crossing the internet takes a one-way delay
 * drawn from the latency distribution (milliseconds, stream {@code nat-latency}) and is lost with
 * probability {@code loss} (stream {@code nat-loss}); a hop inside a private realm takes the
 * constant LAN delay and is never lost. TCP connections (for TURN over TCP) are reliable and
 * ordered, with the same latency. Not thread-safe: the simulation thread only.
 */
public final class UdpNetwork {

    private final Simulator simulator;
    private final Dist latencyMs;
    private final double loss;
    private final long lanDelayNanos;
    private final RandomGenerator latencyStream;
    private final RandomGenerator lossStream;
    private final RandomGenerator portStream;
    private final Realm internet = new Realm(this, true);
    private final Map<Endpoint, Consumer<TcpConnection>> tcpListeners = new HashMap<>();
    private int nextPublicIp = Endpoint.parseIp("11.0.0.1");
    private long delivered;
    private long dropped;

    /**
     * @param simulator  the simulator whose clock and streams are used
     * @param latencyMs  one-way internet delay per datagram, in milliseconds
     * @param loss       probability in [0, 1) that an internet hop loses a datagram
     * @param lanDelayMs one-way delay of a hop inside a private realm, in milliseconds, >= 0
     * @throws IllegalArgumentException for a loss outside [0, 1) or a negative LAN delay
     */
    public UdpNetwork(Simulator simulator, Dist latencyMs, double loss, double lanDelayMs) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.latencyMs = Objects.requireNonNull(latencyMs, "latencyMs");
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1), got " + loss);
        }
        if (!(lanDelayMs >= 0)) {
            throw new IllegalArgumentException("LAN delay must be >= 0 ms, got " + lanDelayMs);
        }
        this.loss = loss;
        this.lanDelayNanos = Math.round(lanDelayMs * Simulator.MS);
        this.latencyStream = simulator.random().stream("nat-latency");
        this.lossStream = simulator.random().stream("nat-loss");
        this.portStream = simulator.random().stream("nat-ports");
    }

    /** @return the simulator this network runs on */
    public Simulator simulator() {
        return simulator;
    }

    /** Adds a site of the given kind; add hosts to it with {@link Site#addHost()}. */
    public Site addSite(Access access) {
        return new Site(this, access);
    }

    /** Adds a STUN server with two fresh public addresses and ports 3478 and 3479. */
    public StunServer addStunServer() {
        return new StunServer(this, allocatePublicIp(), allocatePublicIp());
    }

    /**
     * Adds a TURN relay on a fresh public address, port 3478 (UDP and TCP).
     *
     * @param bandwidthMbps  relayed traffic capacity, megabits per second, > 0
     * @param maxQueueMillis longest a relayed datagram may wait for the link before it is dropped, >= 0
     */
    public TurnRelay addTurnRelay(double bandwidthMbps, long maxQueueMillis) {
        return new TurnRelay(this, allocatePublicIp(), bandwidthMbps, maxQueueMillis);
    }

    /** @return datagrams delivered to a node or gateway so far */
    public long delivered() {
        return delivered;
    }

    /** @return datagrams lost, unroutable, filtered or blocked so far */
    public long dropped() {
        return dropped;
    }

    Realm internet() {
        return internet;
    }

    RandomGenerator portStream() {
        return portStream;
    }

    int allocatePublicIp() {
        return nextPublicIp++;
    }

    void hop(Realm realm, Datagram datagram, Consumer<Datagram> receiver) {
        long delay;
        if (realm.internet()) {
            if (loss > 0 && lossStream.nextDouble() < loss) {
                drop(datagram, "lost");
                return;
            }
            delay = Math.round(latencyMs.sample(latencyStream) * Simulator.MS);
        } else {
            delay = lanDelayNanos;
        }
        simulator.schedule(delay, () -> {
            delivered++;
            receiver.accept(datagram);
        });
    }

    void drop(Datagram datagram, String why) {
        dropped++;
    }

    long internetDelayNanos() {
        return Math.round(latencyMs.sample(latencyStream) * Simulator.MS);
    }

    void listenTcp(Endpoint at, Consumer<TcpConnection> acceptor) {
        tcpListeners.put(at, acceptor);
    }

    /** @return the client end of a new connection to {@code server}, or {@code null} if nothing listens there */
    TcpConnection connectTcp(Endpoint server) {
        Consumer<TcpConnection> acceptor = tcpListeners.get(server);
        if (acceptor == null) {
            return null;
        }
        TcpConnection client = new TcpConnection(this);
        TcpConnection serverEnd = new TcpConnection(this);
        client.peer(serverEnd);
        serverEnd.peer(client);
        acceptor.accept(serverEnd);
        return client;
    }
}
