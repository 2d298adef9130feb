package org.peerlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.core.strategy.UnknownStrategyException;

class StrategyTableTest {

    private static RegisteredStrategy strategy(String family, String name, String bundle) {
        StrategyDescriptor d = StrategyDescriptor.of(family, name, "test strategy " + name,
                ParameterSpec.integer("size", "a size", 4, 1, 8));
        Strategy s = () -> d;
        return new RegisteredStrategy(d, bundle, "1.0.0", s);
    }

    @Test
    void groupsByFamilyAndSortsByName() {
        StrategyTable table = new StrategyTable();
        table.add(strategy("aead", "b-cipher", "x"), "aead", "b-cipher", 0, 1);
        table.add(strategy("aead", "a-cipher", "x"), "aead", "a-cipher", 0, 2);
        table.add(strategy("kdf", "k", "x"), "kdf", "k", 0, 3);
        assertEquals(List.of("aead", "kdf"), table.families());
        assertEquals(List.of("a-cipher", "b-cipher"), table.family("aead").strategies().stream().map(RegisteredStrategy::name).toList());
        assertEquals(3, table.all().size());
    }

    @Test
    void removalMakesStrategyDisappearAndTellsListeners() throws Exception {
        StrategyTable table = new StrategyTable();
        List<String> events = new ArrayList<>();
        AutoCloseable handle = table.addListener((change, s) -> events.add(change + " " + s.descriptor().key()));
        table.add(strategy("aead", "a", "x"), "aead", "a", 0, 1);
        table.remove("aead", "a", 1);
        assertTrue(table.family("aead").find("a").isEmpty());
        assertEquals(List.of("ADDED aead/a", "REMOVED aead/a"), events);
        handle.close();
        table.add(strategy("aead", "a", "x"), "aead", "a", 0, 2);
        assertEquals(2, events.size(), "a closed listener hears nothing more");
    }

    @Test
    void higherRankingWinsAndTheOtherTakesOverWhenItLeaves() {
        StrategyTable table = new StrategyTable();
        RegisteredStrategy low = strategy("aead", "a", "low");
        RegisteredStrategy high = strategy("aead", "a", "high");
        table.add(low, "aead", "a", 0, 1);
        table.add(high, "aead", "a", 10, 2);
        assertSame(high, table.family("aead").find("a").orElseThrow());
        table.remove("aead", "a", 2);
        assertSame(low, table.family("aead").find("a").orElseThrow());
    }

    @Test
    void descriptorThatContradictsItsPropertiesIsRejected() {
        StrategyTable table = new StrategyTable();
        assertFalse(table.add(strategy("aead", "a", "x"), "aead", "other", 0, 1));
        assertTrue(table.all().isEmpty());
    }

    @Test
    void requireNamesTheInstalledAlternatives() {
        StrategyTable table = new StrategyTable();
        table.add(strategy("aead", "a", "x"), "aead", "a", 0, 1);
        UnknownStrategyException e = assertThrows(UnknownStrategyException.class,
                () -> table.family("aead").require("missing", Strategy.class));
        assertTrue(e.getMessage().contains("installed: a"), e.getMessage());
    }

    @Test
    void failingListenerDoesNotStopOthers() {
        StrategyTable table = new StrategyTable();
        List<String> heard = new ArrayList<>();
        table.addListener((c, s) -> { throw new IllegalStateException("boom"); });
        table.addListener((c, s) -> heard.add(s.name()));
        table.add(strategy("aead", "a", "x"), "aead", "a", 0, 1);
        assertEquals(List.of("a"), heard);
    }
}
