package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.StrategyRegistry;

class ScenarioReaderTest {

    private static String errors(String text) {
        return assertThrows(ScenarioException.class, () -> Scenarios.parse(text)).getMessage();
    }

    private static String checkErrors(String text, StrategyRegistry registry) throws ScenarioException {
        Scenario s = Scenarios.parse(text);
        return assertThrows(ScenarioException.class, () -> ScenarioCheck.check(s, WorkloadCatalog.of(new QueueWorkload()), registry)).getMessage();
    }

    @Test
    void readsAFullScenario() throws Exception {
        Scenario s = Scenarios.parse(Scenarios.mm1(7, 3, 500));
        assertEquals("mm1-check", s.name());
        assertEquals("mm1", s.workload());
        assertEquals(7, s.seed());
        assertEquals(3, s.replications());
        assertEquals(List.of("waiting-time-s", "queue-length", "served"), s.metrics());
        assertEquals("workload.arrival-rate", s.sweep().get(0).path());
        assertEquals(2, s.pointCount());
        assertEquals(6, s.runCount());
        assertEquals(false, s.parameters().toPlain().toString().contains("name="), "the workload name is not a parameter");
    }

    @Test
    void badJsonNamesFileLineAndColumn() {
        assertEquals("simulation/test.json:3:15: unexpected 'x', expected a value (strings need double quotes)",
                errors("{\n  \"name\": \"a\",\n  \"workload\": x\n}"));
    }

    @Test
    void duplicateKeyIsAnError() {
        assertEquals("simulation/test.json:3:3: duplicate key \"seed\" (first at line 2, column 3)",
                errors("{\n  \"seed\": 1,\n  \"seed\": 2\n}"));
    }

    @Test
    void everyStructuralProblemIsReportedWithItsKey() {
        String text = """
                {
                  "name": "Bad Name",
                  "workload": {"name": "mm1"},
                  "replications": "ten",
                  "replicatons": 3,
                  "sweep": {"loss": [0.1], "network.loss": []}
                }
                """;
        assertEquals(String.join("\n",
                "simulation/test.json:1:1: seed: missing (a whole number is required)",
                "simulation/test.json:2:11: name: 'Bad Name' must be lower-case letters, digits, '.', '_' and '-' (it names the results folder)",
                "simulation/test.json:4:19: replications: expected a whole number, found the string \"ten\"",
                "simulation/test.json:5:3: replicatons: unknown key (known: description, duration, metrics, name, network, population, "
                        + "replications, seed, strategies, sweep, workload)",
                "simulation/test.json:6:13: sweep.loss: a sweep key is a parameter path such as network.loss or workload.cipher, starting with "
                        + "one of: workload, network, population, strategies",
                "simulation/test.json:6:44: sweep.network.loss: a sweep needs at least one value"), errors(text));
    }

    @Test
    void workloadErrorsNameTheSweptValue() throws Exception {
        String text = """
                {
                  "name": "x",
                  "workload": {"name": "mm1", "service-rate": 1, "arival-rate": 1},
                  "sweep": {"workload.arrival-rate": [0.5,
                                                      1.5]},
                  "seed": 1
                }
                """;
        assertEquals("simulation/test.json:3:50: workload.arival-rate: unknown key (known: arrival-rate, customers, service-rate, warmup)",
                checkErrors(text, null));
        String unstable = text.replace(", \"arival-rate\": 1", "");
        assertEquals("simulation/test.json:5:39: workload.arrival-rate: the queue is unstable: arrival-rate 1.5 >= service-rate 1.0",
                checkErrors(unstable, null));
    }

    @Test
    void unknownWorkloadMetricAndStrategyAreNamed() throws Exception {
        assertEquals("simulation/test.json:1:32: workload.name: unknown workload 'mm2' (known: mm1)",
                checkErrors("{\"name\":\"x\",\"workload\":{\"name\":\"mm2\"},\"seed\":1}", null));
        String text = """
                {"name": "x", "seed": 1, "metrics": ["served", "bogus"],
                 "workload": {"name": "mm1", "arrival-rate": 0.5},
                 "strategies": {"aead": "aes"}}
                """;
        StrategyDescriptor d = StrategyDescriptor.of("aead", "aes-256-gcm", "AES");
        Strategy strategy = () -> d;
        StrategyRegistry registry = new StrategyRegistry() {
            @Override
            public List<RegisteredStrategy> all() {
                return List.of(new RegisteredStrategy(d, "b", "1", strategy));
            }

            @Override
            public AutoCloseable addListener(org.peerlab.core.strategy.StrategyListener listener) {
                return () -> { };
            }
        };
        String message = checkErrors(text, registry);
        assertTrue(message.contains("simulation/test.json:1:48: metrics[1]: unknown metric 'bogus' (known: queue-length, served, waiting-time-s)"),
                message);
        assertTrue(message.contains("simulation/test.json:3:25: strategies.aead: unknown value 'aes' (known: aes-256-gcm)"), message);
    }

    @Test
    void sweepExpandsAsACartesianProductFirstAxisSlowest() throws Exception {
        String text = """
                {"name": "x", "seed": 1, "workload": {"name": "mm1", "arrival-rate": 0.1},
                 "sweep": {"workload.arrival-rate": [0.2, 0.4], "network.links.loss": [0, 0.1, 0.2], "strategies.aead": ["a"]}}
                """;
        List<SweepPoint> points = ScenarioCheck.expand(Scenarios.parse(text));
        assertEquals(6, points.size());
        assertEquals("workload.arrival-rate=0.2, network.links.loss=0, strategies.aead=a", points.get(0).label());
        assertEquals("workload.arrival-rate=0.2, network.links.loss=0.1, strategies.aead=a", points.get(1).label());
        assertEquals("workload.arrival-rate=0.4, network.links.loss=0.2, strategies.aead=a", points.get(5).label());
        Params p = points.get(4).params();
        assertEquals(0.4, p.get("workload").number("arrival-rate", 0, 1));
        assertEquals(0.1, p.get("network").get("links").number("loss", 0, 1), "a swept path is created when the base lacks it");
        String sweepLine = text.lines().toList().get(1);
        assertEquals(new org.peerlab.core.json.SourcePosition("simulation/test.json", 2, sweepLine.indexOf("0.1") + 1),
                p.get("network").get("links").get("loss").position(), "positions point at the swept value");
    }
}
