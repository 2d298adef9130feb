package org.peerlab.experiment.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.MetricInfo;
import org.peerlab.experiment.MetricKind;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.RunContext;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.Workload;
import org.peerlab.sim.Dist;
import org.peerlab.sim.nat.Access;
import org.peerlab.sim.nat.NatMix;
import org.peerlab.sim.nat.NatTraversal;
import org.peerlab.sim.nat.NatTraversalStudy;
import org.peerlab.sim.nat.NatType;
import org.peerlab.sim.nat.StudySetup;

/**
 * Connection attempts between peers drawn from a NAT mix, with the NAT traversal strategy named
 * in {@code strategies.nat-traversal}, over simulated NATs, STUN servers and TURN relays.
 *
 * <p>Parameters: {@code workload.attempts} (pairs per run, default 200), {@code workload.reference}
 * (a NAT type or {@code public}: every pair's second peer has this access, to measure per NAT
 * rather than per pair; {@code none}, the default, draws both peers from the mix), {@code workload.expect}; {@code population.nat-mix} ({@code ford-2005},
 * {@code seed-001}, or weights over {@code public}, {@code udp-blocked}, {@code mobile-cgn} and
 * the NAT types), {@code population.same-site-share}, {@code population.hairpin-share};
 * {@code network.latency-ms} and {@code network.signaling-ms} (distributions, one way),
 * {@code network.loss}, {@code network.stun}, {@code network.turn},
 * {@code network.turn-bandwidth-mbps}.
 *
 * <p>Metrics per run: {@code success-rate}, {@code direct-share}, {@code punched-share},
 * {@code relayed-share} (fractions of attempts), {@code connect-ms} (successful attempts), and
 * {@code success-rate.A|B} per pair of access kinds.
 */
@Component(service = Workload.class)
public class NatTraversalWorkload implements Workload {

    static final String FAMILY = "nat-traversal";
    private static final List<String> MIXES = List.of("ford-2005", "seed-001");

    @Override
    public String name() {
        return "nat-traversal";
    }

    @Override
    public String describe() {
        return "connection attempts across simulated NATs (RFC 4787), STUN and TURN with one nat-traversal strategy; "
                + "success rate, path (direct, punched, relayed) and time to connect";
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(new MetricInfo("success-rate", MetricKind.OBSERVATION, "share of attempts that connected (per pair of access kinds as success-rate.A|B)"),
                new MetricInfo("direct-share", MetricKind.OBSERVATION, "share of attempts connected host to host, without punching or relay"),
                new MetricInfo("punched-share", MetricKind.OBSERVATION, "share of attempts connected through a punched NAT mapping"),
                new MetricInfo("relayed-share", MetricKind.OBSERVATION, "share of attempts connected through a TURN relay"),
                new MetricInfo("connect-ms", MetricKind.OBSERVATION, "virtual milliseconds from start until both sides had a path (successes)"));
    }

    @Override
    public void validate(Params params) throws ScenarioException {
        setup(params, "validate");
        if (!params.get("strategies").get(FAMILY).present()) {
            throw params.get("strategies").problem("names no '" + FAMILY + "' strategy (e.g. \"" + FAMILY + "\": \"ice\")");
        }
    }

    @Override
    public RunOutput run(RunContext context) throws Exception {
        Params params = context.params();
        String strategy = context.strategies().get(FAMILY);
        StudySetup setup = setup(params, strategy);
        StrategyRegistry registry = context.registry().orElseThrow(() -> new IllegalStateException("the nat-traversal workload needs the strategy registry"));
        NatTraversalStudy study = new NatTraversalStudy(n -> registry.family(FAMILY).require(n, NatTraversal.class));
        study.run(context.simulator(), setup);
        // the study publishes every attempt (success-rate, the path shares, connect-ms) as it ends
        RunOutput out = RunOutput.empty().withNote("NAT mix " + setup.mix().name() + ": " + setup.mix().source() + describe(setup.mix()));
        for (var e : ExpectationParams.read(params.get("workload"), ExpectationParams.swept(context.point()), metricNames())) {
            out = out.expecting(e);
        }
        return out;
    }

    private List<String> metricNames() {
        return metrics().stream().map(MetricInfo::name).toList();
    }

    private static String describe(NatMix mix) {
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = mix.entries().stream().mapToDouble(NatMix.Entry::weight).sum();
        for (NatMix.Entry e : mix.entries()) {
            shares.merge(e.access().label(), e.weight() / total, Double::sum);
        }
        StringBuilder sb = new StringBuilder(" (");
        shares.forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append(String.format(java.util.Locale.ROOT, " %.1f%%", 100 * v)));
        return sb.append(mix.sameSiteShare() > 0 ? String.format(java.util.Locale.ROOT, "; %.0f%% of pairs on one LAN", 100 * mix.sameSiteShare()) : "")
                .append(")").toString();
    }

    private StudySetup setup(Params params, String strategy) throws ScenarioException {
        Params workload = params.get("workload");
        workload.allowOnly("name", "attempts", "reference", "expect", "timeout-ms");
        Params population = params.get("population");
        population.allowOnly("nat-mix", "same-site-share", "hairpin-share");
        Params network = params.get("network");
        network.allowOnly("latency-ms", "signaling-ms", "loss", "stun", "turn", "turn-bandwidth-mbps");
        int attempts = (int) workload.integer("attempts", 200, 1, 1_000_000);
        NatMix mix = mix(population);
        StudySetup setup = StudySetup.of(mix, attempts, strategy == null ? "direct" : strategy);
        setup = setup.withNetwork(DistParams.read(network, "latency-ms", Dist.uniform(10, 60), 0, 10_000), network.number("loss", 0, 0, 0.99))
                .withServers(network.bool("stun", true), network.bool("turn", true));
        Dist signaling = DistParams.read(network, "signaling-ms", Dist.uniform(20, 80), 0, 10_000);
        double relayMbps = network.number("turn-bandwidth-mbps", 100, 0.001, 1e6);
        long limit = workload.integer("timeout-ms", 60_000, 100, 3_600_000);
        Optional<Access> reference = Optional.empty();
        if (workload.get("reference").present()) {
            List<String> choices = new ArrayList<>(kinds());
            choices.add("none");
            String kind = workload.get("reference").asChoice(choices);
            reference = kind.equals("none") ? Optional.empty() : Optional.of(access(workload.get("reference"), kind));
        }
        setup = new StudySetup(setup.mix(), setup.strategies(), setup.parameters(), setup.attempts(), setup.latencyMs(), setup.loss(), signaling,
                reference, setup.stun(), setup.turn(), relayMbps, limit);
        ExpectationParams.read(workload, null, metricNames()); // structure only; 'when' is checked per point
        return setup;
    }

    private static List<String> kinds() {
        List<String> k = new ArrayList<>(List.of("public", "udp-blocked", "mobile-cgn"));
        for (NatType t : NatType.values()) {
            k.add(t.label());
        }
        return k;
    }

    private static Access access(Params where, String kind) throws ScenarioException {
        return switch (kind) {
            case "public" -> Access.open();
            case "udp-blocked" -> Access.udpBlocked();
            case "mobile-cgn" -> new Access.DoubleNat(NatType.PORT_RESTRICTED_CONE.behaviour(), NatType.SYMMETRIC.behaviour(), "mobile-cgn");
            default -> {
                for (NatType t : NatType.values()) {
                    if (t.label().equals(kind)) {
                        yield Access.nat(t);
                    }
                }
                throw where.problem("unknown access kind '" + kind + "'");
            }
        };
    }

    private static NatMix mix(Params population) throws ScenarioException {
        Params p = population.get("nat-mix");
        if (!p.present()) {
            return NatMix.ford2005();
        }
        if (p.json() instanceof org.peerlab.core.json.JsonValue.JsonString) {
            for (String own : List.of("same-site-share", "hairpin-share")) {
                if (population.get(own).present()) {
                    throw population.get(own).problem("applies only to a mix given as weights; the named mix '" + p.asString() + "' sets its own");
                }
            }
            return p.asChoice(MIXES).equals("ford-2005") ? NatMix.ford2005() : NatMix.seed001();
        }
        Map<String, Double> weights = population.weights("nat-mix", Map.of(), kinds());
        double sameSite = population.number("same-site-share", 0, 0, 1);
        double hairpin = population.number("hairpin-share", 0, 0, 1);
        List<NatMix.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getValue() <= 0) {
                continue;
            }
            Access a = access(p.get(w.getKey()), w.getKey());
            if (a instanceof Access.Nat nat && hairpin > 0) {
                if (hairpin < 1) {
                    entries.add(new NatMix.Entry(a, w.getValue() * (1 - hairpin)));
                }
                entries.add(new NatMix.Entry(new Access.Nat(nat.behaviour().withHairpin(true), nat.name() + "+hairpin"), w.getValue() * hairpin));
            } else {
                entries.add(new NatMix.Entry(a, w.getValue()));
            }
        }
        return new NatMix("custom", "weights given in the scenario", sameSite, entries);
    }
}
