package org.peerlab.sim.nat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Metrics;
import org.peerlab.sim.Simulator;

/**
 * Runs populations of traversal attempts on one simulator, one after the other in virtual time,
 * and publishes each attempt to {@link Simulator#metrics()} as it ends: observations
 * {@code success-rate} (1 or 0), {@code success-rate.<pair label>}, {@code direct-share},
 * {@code punched-share}, {@code relayed-share} (1 when the attempt connected that way) and
 * {@code connect-ms} (successes only); with several strategies in one study every name starts
 * with {@code <strategy>.}. Pairs are drawn
 * from stream {@code nat-mix}. Same seed and setup give the same result.
 */
public final class NatTraversalStudy {

    private static final double LAN_DELAY_MS = 0.25;
    private static final double RELAY_QUEUE_MS = 500;

    private final Function<String, NatTraversal> strategies;

    /**
     * @param strategies finds a strategy by name, e.g. {@code n -> family.require(n, NatTraversal.class)};
     *                   throws for unknown names
     */
    public NatTraversalStudy(Function<String, NatTraversal> strategies) {
        this.strategies = Objects.requireNonNull(strategies, "strategies");
    }

    /**
     * Runs {@code setup} on {@code simulator}, advancing its clock.
     *
     * @throws org.peerlab.core.strategy.InvalidParameterException for bad strategy parameters,
     *         before anything runs
     */
    public StudyResult run(Simulator simulator, StudySetup setup) {
        Map<String, NatTraversal> resolved = new LinkedHashMap<>();
        Map<String, Parameters> bound = new LinkedHashMap<>();
        for (String name : setup.strategies()) {
            NatTraversal strategy = Objects.requireNonNull(strategies.apply(name), "no strategy " + name);
            resolved.put(name, strategy);
            bound.put(name, strategy.descriptor().bind(setup.parameters().getOrDefault(name, Map.of())));
        }
        RandomGenerator mixStream = simulator.random().stream("nat-mix");
        List<AttemptResult> results = new ArrayList<>();
        for (int i = 0; i < setup.attempts(); i++) {
            Access a = setup.mix().draw(mixStream);
            boolean sameSite = setup.reference().isEmpty() && mixStream.nextDouble() < setup.mix().sameSiteShare();
            Access b = sameSite ? a : setup.reference().orElseGet(() -> setup.mix().draw(mixStream));
            for (String name : setup.strategies()) {
                AttemptResult r = runOne(simulator, setup, i, name, resolved.get(name), bound.get(name), a, b, sameSite);
                results.add(r);
                publish(simulator.metrics(), r, setup.strategies().size() > 1);
            }
        }
        return new StudyResult(setup, simulator.random().seed(), results);
    }

    private static AttemptResult runOne(Simulator sim, StudySetup setup, int index, String name, NatTraversal strategy,
            Parameters parameters, Access a, Access b, boolean sameSite) {
        UdpNetwork network = new UdpNetwork(sim, setup.latencyMs(), setup.loss(), LAN_DELAY_MS);
        Optional<Endpoint> stun = setup.stun() ? Optional.of(network.addStunServer().primary()) : Optional.empty();
        Optional<Endpoint> turn = setup.turn()
                ? Optional.of(network.addTurnRelay(setup.turnBandwidthMbps(), (long) RELAY_QUEUE_MS).address())
                : Optional.empty();
        Site siteA = network.addSite(a);
        Host hostA = siteA.addHost();
        Host hostB = sameSite ? siteA.addHost() : network.addSite(b).addHost();
        TraversalAttempt attempt = new TraversalAttempt(sim, strategy, parameters, hostA, hostB, stun, turn, setup.signalingMs());
        attempt.start(sim::stop);
        if (!attempt.done()) {
            sim.runUntil(sim.now() + setup.attemptLimitMillis() * Simulator.MS);
        }
        attempt.close();
        return new AttemptResult(index, name, a.label(), b.label(), sameSite, attempt.success(), attempt.path(), attempt.reason(),
                attempt.connectMillis());
    }

    private static void publish(Metrics metrics, AttemptResult r, boolean several) {
        String prefix = several ? r.strategy() + "." : "";
        double ok = r.success() ? 1 : 0;
        metrics.observe(prefix + "success-rate", ok);
        metrics.observe(prefix + "success-rate." + r.pairLabel(), ok);
        for (TraversalPath p : new TraversalPath[] { TraversalPath.DIRECT, TraversalPath.PUNCHED, TraversalPath.RELAYED }) {
            metrics.observe(prefix + p.name().toLowerCase(java.util.Locale.ROOT) + "-share", r.success() && r.path() == p ? 1 : 0);
        }
        if (r.success()) {
            metrics.observe(prefix + "connect-ms", r.connectMillis());
        }
    }
}
