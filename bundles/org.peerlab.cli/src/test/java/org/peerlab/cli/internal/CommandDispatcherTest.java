package org.peerlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.StrategyRegistry;

class CommandDispatcherTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** A fixed registry: two families, three strategies. */
    static StrategyRegistry registry() {
        List<RegisteredStrategy> all = List.of(
                entry("aead", "aes-256-gcm"),
                entry("redundancy", "replication", ParameterSpec.integer("copies", "copies", 3, 1, 256)),
                entry("redundancy", "reed-solomon", ParameterSpec.choice("layout", "layout", "a", "a", "b")));
        return new StrategyRegistry() {
            @Override
            public List<RegisteredStrategy> all() {
                return all;
            }

            @Override
            public AutoCloseable addListener(org.peerlab.core.strategy.StrategyListener listener) {
                return () -> { };
            }
        };
    }

    static RegisteredStrategy entry(String family, String name, ParameterSpec... params) {
        StrategyDescriptor d = StrategyDescriptor.of(family, name, "the " + name + " strategy", params);
        Strategy s = () -> d;
        return new RegisteredStrategy(d, "org.example." + name, "1.2.3", s);
    }

    private int run(String... args) {
        StrategiesCommand strategies = new StrategiesCommand();
        strategies.registry = registry();
        return new CommandDispatcher(List.of(strategies), "0.1.0").dispatch(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("strategies  list the installed strategies"), out());
        assertEquals(0, run());
    }

    @Test
    void commandHelpDescribesIt() {
        assertEquals(0, run("strategies", "--help"));
        assertTrue(out().startsWith("Usage: peerlab strategies [--family FAMILY] [--json]"), out());
        assertEquals(0, run("help", "strategies"));
    }

    @Test
    void aUsageErrorNamesTheCommandOnce() {
        org.peerlab.cli.api.Command named = new org.peerlab.cli.api.Command() {
            @Override
            public String name() {
                return "named";
            }

            @Override
            public String summary() {
                return "throws usage errors";
            }

            @Override
            public String help() {
                return "Usage: peerlab named";
            }

            @Override
            public int run(List<String> args, PrintStream o, PrintStream e) throws org.peerlab.cli.api.UsageException {
                throw new org.peerlab.cli.api.UsageException(args.isEmpty() ? "peerlab named: already prefixed" : "bare message");
            }
        };
        CommandDispatcher dispatcher = new CommandDispatcher(List.of(named), "0.1.0");
        assertEquals(2, dispatcher.dispatch(List.of("named"), out, err));
        assertEquals(2, dispatcher.dispatch(List.of("named", "x"), out, err));
        assertEquals("peerlab named: already prefixed\npeerlab named: bare message\n", err().replace("\r", ""));
    }

    @Test
    void unknownCommandIsOneLineAndExitTwo() {
        assertEquals(2, run("frobnicate"));
        assertEquals("peerlab: unknown command 'frobnicate' (see: peerlab --help)\n", err());
        assertEquals("", out());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        assertEquals(2, run("strategies", "--colour"));
        assertEquals("peerlab strategies: unknown option '--colour' for 'strategies' (see: peerlab strategies --help)\n", err());
        assertEquals(2, run("strategies", "--family"));
        assertEquals(2, run("strategies", "extra"));
    }

    @Test
    void aCrashingCommandFailsLoudly() {
        org.peerlab.cli.api.Command broken = new org.peerlab.cli.api.Command() {
            public String name() { return "broken"; }
            public String summary() { return "fails"; }
            public String help() { return "fails"; }
            public int run(List<String> args, PrintStream o, PrintStream e) { throw new IllegalStateException("boom"); }
        };
        assertEquals(1, new CommandDispatcher(List.of(broken), "0").dispatch(List.of("broken"), out, err));
        assertTrue(err().startsWith("peerlab broken: internal error: java.lang.IllegalStateException: boom"), err());
    }

    @Test
    void jsonListsFamilyNameProviderAndParameters() {
        assertEquals(0, run("strategies", "--json"));
        String json = out();
        assertTrue(json.startsWith("[\n  {\n    \"family\": \"aead\",\n    \"name\": \"aes-256-gcm\""), json);
        assertTrue(json.contains("\"provider\": \"org.example.replication\""), json);
        assertTrue(json.contains("\"name\": \"copies\",\n        \"type\": \"integer\",\n        \"default\": 3,\n        \"min\": 1,\n        \"max\": 256"), json);
        assertTrue(json.contains("\"choices\": [\n          \"a\",\n          \"b\"\n        ]"), json);
    }

    @Test
    void familyFilterAndUnknownFamily() {
        assertEquals(0, run("strategies", "--family", "redundancy"));
        assertTrue(out().contains("replication") && !out().contains("aes-256-gcm"), out());
        assertTrue(out().contains("copies: integer = 3  (1..256)  copies"), out());
        assertEquals(1, run("strategies", "--family=nothing"));
        assertTrue(err().contains("no strategy of family 'nothing' is installed (families: aead, redundancy)"), err());
    }
}
