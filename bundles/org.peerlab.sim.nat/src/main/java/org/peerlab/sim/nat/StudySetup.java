package org.peerlab.sim.nat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.peerlab.sim.Dist;

/**
 * What a {@link NatTraversalStudy} runs. Every attempt draws a pair from the mix once and runs
 * each strategy on that same pair, each in a fresh world (paired comparison).
 *
 * @param mix               the population
 * @param strategies        strategy names, run in this order; at least one
 * @param parameters        textual parameters per strategy name (absent: defaults)
 * @param attempts          pairs to draw, >= 1
 * @param latencyMs         one-way internet delay per datagram, milliseconds
 * @param loss              internet datagram loss probability, [0, 1)
 * @param signalingMs       one-way delay of the rendezvous channel, milliseconds
 * @param reference         when present, the second peer always has this access (a per-NAT test
 *                          against a known peer) instead of being drawn
 * @param stun              whether a STUN server is available
 * @param turn              whether a TURN relay is available
 * @param turnBandwidthMbps the relay's capacity, Mbit/s, > 0
 * @param attemptLimitMillis virtual time after which an attempt is cut off, > 0
 */
public record StudySetup(NatMix mix, List<String> strategies, Map<String, Map<String, String>> parameters, int attempts,
        Dist latencyMs, double loss, Dist signalingMs, Optional<Access> reference, boolean stun, boolean turn,
        double turnBandwidthMbps, long attemptLimitMillis) {

    public StudySetup {
        Objects.requireNonNull(mix, "mix");
        strategies = List.copyOf(strategies);
        Map<String, Map<String, String>> copy = new HashMap<>();
        parameters.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        parameters = Map.copyOf(copy);
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(signalingMs, "signalingMs");
        Objects.requireNonNull(reference, "reference");
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one strategy");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1), got " + loss);
        }
        if (!(turnBandwidthMbps > 0) || attemptLimitMillis <= 0) {
            throw new IllegalArgumentException("relay bandwidth and attempt limit must be positive");
        }
    }

    /**
     * Defaults: one-way latency uniform 10..60 ms, no loss, signaling uniform 20..80 ms, STUN and
     * TURN available, relay 100 Mbit/s, attempts cut off after 60 s.
     */
    public static StudySetup of(NatMix mix, int attempts, String... strategies) {
        return new StudySetup(mix, List.of(strategies), Map.of(), attempts, Dist.uniform(10, 60), 0, Dist.uniform(20, 80),
                Optional.empty(), true, true, 100, 60_000);
    }

    /** @return this setup with {@code values} as the parameters of {@code strategy} */
    public StudySetup withParameters(String strategy, Map<String, String> values) {
        Map<String, Map<String, String>> p = new HashMap<>(parameters);
        p.put(strategy, values);
        return new StudySetup(mix, strategies, p, attempts, latencyMs, loss, signalingMs, reference, stun, turn, turnBandwidthMbps,
                attemptLimitMillis);
    }

    /** @return this setup with another latency and loss */
    public StudySetup withNetwork(Dist latency, double lossProbability) {
        return new StudySetup(mix, strategies, parameters, attempts, latency, lossProbability, signalingMs, reference, stun, turn,
                turnBandwidthMbps, attemptLimitMillis);
    }

    /** @return this setup with every second peer of access {@code peer} */
    public StudySetup withReference(Access peer) {
        return new StudySetup(mix, strategies, parameters, attempts, latencyMs, loss, signalingMs, Optional.of(peer), stun, turn,
                turnBandwidthMbps, attemptLimitMillis);
    }

    /** @return this setup with servers switched on or off */
    public StudySetup withServers(boolean stunAvailable, boolean turnAvailable) {
        return new StudySetup(mix, strategies, parameters, attempts, latencyMs, loss, signalingMs, reference, stunAvailable,
                turnAvailable, turnBandwidthMbps, attemptLimitMillis);
    }
}
