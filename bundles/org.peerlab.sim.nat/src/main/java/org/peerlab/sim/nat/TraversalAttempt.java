package org.peerlab.sim.nat;

import java.util.Objects;
import java.util.Optional;

import org.apache.commons.math3.random.RandomGenerator;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.sim.Dist;
import org.peerlab.sim.Simulator;

/**
 * One traversal attempt between two hosts: one machine per side (A controlling, B controlled), a
 * rendezvous channel between them that is reliable and ordered with a one-way delay drawn from
 * {@code signalingMs} (stream {@code nat-signaling}), and the combined outcome. The attempt
 * succeeds when both sides found a path; see {@link #path()} for how the two sides' paths combine.
 */
public final class TraversalAttempt {

    private final Simulator simulator;
    private final Dist signalingMs;
    private final RandomGenerator signalingStream;
    private final MachineDriver a;
    private final MachineDriver b;
    private long started = -1;
    private long lastSignalToA;
    private long lastSignalToB;
    private Runnable onDone = () -> { };

    /**
     * @param strategy    the strategy both sides run
     * @param parameters  its bound parameters
     * @param hostA       the controlling side's host
     * @param hostB       the controlled side's host
     * @param stun        the STUN server's primary endpoint, if any
     * @param turn        the TURN relay's endpoint, if any
     * @param signalingMs one-way delay of the rendezvous channel, milliseconds
     */
    public TraversalAttempt(Simulator simulator, NatTraversal strategy, Parameters parameters, Host hostA, Host hostB,
            Optional<Endpoint> stun, Optional<Endpoint> turn, Dist signalingMs) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.signalingMs = Objects.requireNonNull(signalingMs, "signalingMs");
        this.signalingStream = simulator.random().stream("nat-signaling");
        RandomGenerator random = simulator.random().stream("nat-traversal");
        NatMachine machineA = strategy.newAttempt(
                new TraversalContext(TraversalContext.Role.CONTROLLING, "a", "b", stun, turn, random), parameters);
        NatMachine machineB = strategy.newAttempt(
                new TraversalContext(TraversalContext.Role.CONTROLLED, "b", "a", stun, turn, random), parameters);
        this.a = new MachineDriver(simulator, hostA, machineA, m -> toB(m), d -> finished());
        this.b = new MachineDriver(simulator, hostB, machineB, m -> toA(m), d -> finished());
    }

    /** Starts both sides now; {@code whenDone} runs once, when both have finished. */
    public void start(Runnable whenDone) {
        if (started >= 0) {
            throw new IllegalStateException("attempt started twice");
        }
        this.onDone = Objects.requireNonNull(whenDone, "whenDone");
        started = simulator.now();
        a.start();
        b.start();
    }

    /** @return whether both sides have finished */
    public boolean done() {
        return a.finished() && b.finished();
    }

    /** @return the controlling side's driver (its sockets stay open until {@link #close()}) */
    public MachineDriver sideA() {
        return a;
    }

    /** @return the controlled side's driver */
    public MachineDriver sideB() {
        return b;
    }

    /** @return side A's outcome, or a failure when it has not finished */
    public TraversalOutcome outcomeA() {
        return outcome(a);
    }

    /** @return side B's outcome, or a failure when it has not finished */
    public TraversalOutcome outcomeB() {
        return outcome(b);
    }

    /** @return whether both sides found a path */
    public boolean success() {
        return outcomeA().success() && outcomeB().success();
    }

    /**
     * @return {@link TraversalPath#FAILED} unless both sides found a path; else the better of the
     *         two sides' paths: DIRECT when either side reached the other's own host address (a
     *         public peer, one LAN), since the sides judge differently (the public side of an EIM
     *         pair validates the peer's reflexive address first)
     */
    public TraversalPath path() {
        return success() ? outcomeA().path().better(outcomeB().path()) : TraversalPath.FAILED;
    }

    /** @return one line: the failing side's reason, else side A's */
    public String reason() {
        if (!outcomeA().success()) {
            return "a: " + outcomeA().reason();
        }
        return outcomeB().success() ? outcomeA().reason() : "b: " + outcomeB().reason();
    }

    /** @return milliseconds from start until both sides had a path, or NaN when the attempt failed */
    public double connectMillis() {
        if (!success()) {
            return Double.NaN;
        }
        return (Math.max(a.finishedAt(), b.finishedAt()) - started) / (double) Simulator.MS;
    }

    /** Closes both sides' sockets and timers. */
    public void close() {
        a.close();
        b.close();
    }

    private static TraversalOutcome outcome(MachineDriver side) {
        return side.result() instanceof TraversalOutcome o ? o : TraversalOutcome.failed("did not finish");
    }

    private void finished() {
        if (done()) {
            onDone.run();
        }
    }

    private void toA(Object message) {
        lastSignalToA = deliver(lastSignalToA, () -> a.signal(message));
    }

    private void toB(Object message) {
        lastSignalToB = deliver(lastSignalToB, () -> b.signal(message));
    }

    private long deliver(long last, Runnable event) {
        long at = Math.max(last, simulator.now() + Math.round(signalingMs.sample(signalingStream) * Simulator.MS));
        simulator.at(at, event::run);
        return at;
    }
}
