package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.MissingStrategyHints;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.StrategyListener;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.experiment.run.ExperimentRunner;

/** A scenario naming a strategy that is not installed says which plugin provides it, when that is known. */
class MissingStrategyHintTest {

    private static final StrategyDescriptor GCM = StrategyDescriptor.of("aead", "aes-256-gcm", "AES");

    private static final StrategyRegistry REGISTRY = new StrategyRegistry() {
        @Override
        public List<RegisteredStrategy> all() {
            Strategy s = () -> GCM;
            return List.of(new RegisteredStrategy(GCM, "b", "1", s));
        }

        @Override
        public AutoCloseable addListener(StrategyListener listener) {
            return () -> { };
        }
    };

    private static final MissingStrategyHints HINTS = (family, name) -> name.equals("etm") || family.equals("kx")
            ? Optional.of("provided by plugin org.example.etm: install it with ./peerlab plugins install PATH")
            : Optional.empty();

    private static String problems(String strategies) throws ScenarioException {
        Scenario s = Scenarios.parse("{\"name\": \"x\", \"seed\": 1, \"workload\": {\"name\": \"mm1\", \"arrival-rate\": 0.5},\n"
                + " \"strategies\": " + strategies + "}");
        ExperimentRunner runner = new ExperimentRunner(WorkloadCatalog.of(new QueueWorkload()), REGISTRY, HINTS, 1);
        return assertThrows(ScenarioException.class, () -> runner.validate(s)).getMessage();
    }

    @Test
    void unknownNamesAndFamiliesGetTheHint() throws Exception {
        assertEquals("simulation/test.json:2:25: strategies.aead: unknown value 'etm' (known: aes-256-gcm); "
                + "provided by plugin org.example.etm: install it with ./peerlab plugins install PATH", problems("{\"aead\": \"etm\"}"));
        assertEquals("simulation/test.json:2:23: strategies.kx: no strategy of family 'kx' is installed (families: aead); "
                + "provided by plugin org.example.etm: install it with ./peerlab plugins install PATH", problems("{\"kx\": \"any\"}"));
        assertEquals("simulation/test.json:2:25: strategies.aead: unknown value 'other' (known: aes-256-gcm)", problems("{\"aead\": \"other\"}"),
                "no hint when nothing is known");
    }
}
