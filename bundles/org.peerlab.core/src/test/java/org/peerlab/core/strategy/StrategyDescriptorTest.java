package org.peerlab.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StrategyDescriptorTest {

    private final StrategyDescriptor rs = StrategyDescriptor.of("redundancy", "reed-solomon", "k-of-n erasure code",
            ParameterSpec.integer("data-shards", "k", 8, 1, 255),
            ParameterSpec.decimal("loss", "fraction", 0.1, 0.0, 1.0),
            ParameterSpec.bool("verify", "check shards", true),
            ParameterSpec.choice("layout", "shard layout", "striped", "striped", "contiguous"));

    @Test
    void defaultsAreTyped() {
        Parameters p = rs.defaults();
        assertEquals(8, p.getInt("data-shards"));
        assertEquals(0.1, p.getDouble("loss"));
        assertTrue(p.getBoolean("verify"));
        assertEquals("striped", p.getChoice("layout"));
    }

    @Test
    void bindParsesText() {
        Parameters p = rs.bind(Map.of("data-shards", "12", "verify", "no", "layout", "contiguous", "loss", "0.5"));
        assertEquals(12L, p.getLong("data-shards"));
        assertFalse(p.getBoolean("verify"));
        assertEquals("contiguous", p.getChoice("layout"));
    }

    @Test
    void bindReportsEveryProblemAtOnce() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> rs.bind(Map.of("data-shards", "300", "loss", "lots", "layout", "round", "colour", "red")));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("300 is outside 1..255"), e.getMessage());
        assertTrue(e.getMessage().contains("'lots' is not a decimal"), e.getMessage());
        assertTrue(e.getMessage().contains("'round' is not one of striped, contiguous"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown parameter 'colour'"), e.getMessage());
    }

    @Test
    void defaultOutsideRangeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("n", "n", 0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.choice("c", "c", "x", "a", "b"));
    }

    @Test
    void namesAreLowerCaseIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> StrategyDescriptor.of("AEAD", "x", "d"));
        assertThrows(IllegalArgumentException.class, () -> StrategyDescriptor.of("aead", "has space", "d"));
        assertThrows(IllegalArgumentException.class, () -> StrategyDescriptor.of("aead", "x", "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> StrategyDescriptor.of("aead", "x", "d",
                ParameterSpec.bool("a", "a", true), ParameterSpec.bool("a", "again", false)));
    }

    @Test
    void wrongTypeAccessIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rs.defaults().getBoolean("loss"));
        assertTrue(e.getMessage().contains("redundancy/reed-solomon has no Boolean parameter 'loss'"), e.getMessage());
    }
}
