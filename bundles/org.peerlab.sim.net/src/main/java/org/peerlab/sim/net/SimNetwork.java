package org.peerlab.sim.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.sim.Simulator;

/**
 * A simulated packet network on one {@link Simulator}: hosts and routers joined by one-way
 * {@link Link}s, with static shortest-path (fewest hops) routes computed on first use. Link
 * latencies are drawn from the stream {@code latency}, jitter from {@code jitter} and losses from
 * {@code loss}, so runs are reproducible from the experiment seed. Routes are cached, and
 * recomputed after a link is added; a connection keeps the path it had when it opened. Not
 * thread-safe: simulation thread only (building before the run is fine).
 */
public final class SimNetwork {

    private final Simulator sim;
    private final StreamConfig stream;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<Long, Link[]> routes = new HashMap<>();
    private final RandomGenerator latency;
    private final RandomGenerator jitter;
    private final RandomGenerator loss;
    long unroutable;

    /** A network whose hosts use {@link StreamConfig#defaults()}. */
    public SimNetwork(Simulator sim) {
        this(sim, StreamConfig.defaults());
    }

    /** @param stream the stream protocol's settings for every connection of this network */
    public SimNetwork(Simulator sim, StreamConfig stream) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.latency = sim.random().stream("latency");
        this.jitter = sim.random().stream("jitter");
        this.loss = sim.random().stream("loss");
    }

    /** @return the simulator this network runs on */
    public Simulator simulator() {
        return sim;
    }

    /** @return the stream protocol's settings */
    public StreamConfig streamConfig() {
        return stream;
    }

    /**
     * Adds a host.
     *
     * @param name unique, non-empty, without {@code ':'} (it is the host part of addresses)
     * @throws IllegalArgumentException if the name is taken or malformed
     */
    public Host host(String name) {
        return add(new Host(this, nodes.size(), checkName(name)));
    }

    /** Adds a router; names as for {@link #host(String)}. */
    public Router router(String name) {
        return add(new Router(this, nodes.size(), checkName(name)));
    }

    /** Adds a one-way link from {@code from} to {@code to}. */
    public Link link(Node from, Node to, LinkSpec spec) {
        if (from.network != this || to.network != this) {
            throw new IllegalArgumentException("both nodes must belong to this network");
        }
        if (from == to) {
            throw new IllegalArgumentException("a link needs two different nodes, got " + from + " twice");
        }
        Link link = new Link(sim, from, to, spec, latency, jitter, loss);
        from.outgoing.add(link);
        links.add(link);
        routes.clear();
        return link;
    }

    /** Joins two nodes with a link in each direction, both as {@code spec} (latencies drawn separately). */
    public Duplex connect(Node a, Node b, LinkSpec spec) {
        return connect(a, b, spec, spec);
    }

    /** Joins two nodes with a link {@code a -> b} as {@code aToB} and {@code b -> a} as {@code bToA}. */
    public Duplex connect(Node a, Node b, LinkSpec aToB, LinkSpec bToA) {
        return new Duplex(link(a, b, aToB), link(b, a, bToA));
    }

    /** @return the node called {@code name}, if any */
    public Optional<Node> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return every host, in order of creation */
    public List<Host> hosts() {
        return nodes.stream().filter(Host.class::isInstance).map(Host.class::cast).toList();
    }

    /** @return every link, in order of creation */
    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    /** @return the sim transport of {@code host}, same as {@link Host#transport()} */
    public SimTransport transport(Host host) {
        return host.transport();
    }

    /** @return the links from {@code from} to {@code to} in order, empty if unreachable (or the same node) */
    public List<Link> path(Node from, Node to) {
        Link[] route = route(from, to);
        return route == null ? List.of() : List.of(route);
    }

    /** @return packets that reached a router as their destination or had no route */
    public long unroutablePackets() {
        return unroutable;
    }

    /** Fewest-hop path, cached; null when there is none. */
    Link[] route(Node from, Node to) {
        long key = (long) from.id << 32 | to.id;
        Link[] cached = routes.get(key);
        if (cached != null || routes.containsKey(key)) {
            return cached;
        }
        Link[] via = new Link[nodes.size()];
        ArrayDeque<Node> frontier = new ArrayDeque<>();
        frontier.add(from);
        boolean[] seen = new boolean[nodes.size()];
        seen[from.id] = true;
        while (!frontier.isEmpty() && !seen[to.id]) {
            Node n = frontier.poll();
            for (Link l : n.outgoing) {
                if (!seen[l.to().id]) {
                    seen[l.to().id] = true;
                    via[l.to().id] = l;
                    frontier.add(l.to());
                }
            }
        }
        Link[] route = null;
        if (seen[to.id] && from != to) {
            ArrayList<Link> path = new ArrayList<>();
            for (Node n = to; n != from; n = via[n.id].from()) {
                path.add(via[n.id]);
            }
            Collections.reverse(path);
            route = path.toArray(new Link[0]);
        }
        routes.put(key, route);
        return route;
    }

    private <N extends Node> N add(N node) {
        nodes.add(node);
        byName.put(node.name(), node);
        return node;
    }

    private String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.equals("*")) {
            throw new IllegalArgumentException("node name must be non-empty, not '*' and without ':', got '" + name + "'");
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("a node called '" + name + "' exists already");
        }
        return name;
    }
}
