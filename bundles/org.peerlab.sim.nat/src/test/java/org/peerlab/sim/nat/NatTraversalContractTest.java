package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.Strategy;

/** What every nat-traversal strategy promises, checked for each of them. */
class NatTraversalContractTest {

    static Stream<NatTraversal> strategies() {
        return Strategies.all().values().stream();
    }

    private static TraversalContext context() {
        return new TraversalContext(TraversalContext.Role.CONTROLLING, "a", "b", Optional.of(Endpoint.of("11.0.0.1", 3478)),
                Optional.empty(), new Well19937c(1));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void descriptorAndComponentPropertiesAgree(NatTraversal strategy) {
        assertEquals(NatTraversal.FAMILY, strategy.descriptor().family());
        Component component = strategy.getClass().getAnnotation(Component.class);
        if (component != null) { // class-retention annotations are not visible at runtime; the DS XML is checked in the build
            assertTrue(List.of(component.property()).contains(Strategy.NAME_PROPERTY + "=" + strategy.descriptor().name()));
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void startsByOpeningASocketAndSettingItsDeadline(NatTraversal strategy) {
        NatMachine machine = strategy.newAttempt(context(), strategy.descriptor().defaults());
        List<MachineAction> first = machine.handle(new MachineInput.Start());
        assertInstanceOf(MachineAction.Bind.class, first.get(0));
        assertTrue(first.stream().anyMatch(a -> a instanceof MachineAction.SetTimer));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void rejectsParametersOfAnotherStrategy(NatTraversal strategy) {
        NatTraversal other = strategies().filter(s -> !s.descriptor().name().equals(strategy.descriptor().name())).findFirst().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> strategy.newAttempt(context(), other.descriptor().defaults()));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void rejectsUnknownParameters(NatTraversal strategy) {
        assertThrows(IllegalArgumentException.class, () -> strategy.descriptor().bind(Map.of("no-such-parameter", "1")));
    }

    @Test
    void namesAreTheFiveOfTheIssue() {
        assertEquals(List.of("direct", "stun-punch", "birthday-punch", "turn-relay", "ice"), List.copyOf(Strategies.all().keySet()));
    }
}
