package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.experiment.results.RunInfo;

class RunInfoTest {

    @Test
    void describesTheExecutionThenTheMachine() throws Exception {
        Scenario s = Scenarios.parse(Scenarios.mm1(1, 2, 100));
        Map<String, String> info = RunInfo.of("0.1.0.test", s, 4, 12.34, Instant.parse("2026-11-21T10:00:00Z"));
        assertEquals(List.of("PeerLab", "Scenario file", "Date", "Threads", "Wall time"), List.copyOf(info.keySet()).subList(0, 5));
        assertEquals("0.1.0.test", info.get("PeerLab"));
        assertEquals("simulation/test.json", info.get("Scenario file"));
        assertEquals("2026-11-21T10:00:00Z", info.get("Date"));
        assertEquals("12.3 s", info.get("Wall time"));
        assertTrue(info.containsKey("JDK") && info.containsKey("Cores available"), info.toString());
    }

    @Test
    void refusesImpossibleFigures() throws Exception {
        Scenario s = Scenarios.parse(Scenarios.mm1(1, 2, 100));
        assertThrows(IllegalArgumentException.class, () -> RunInfo.of("v", s, 0, 1, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> RunInfo.of("v", s, 1, Double.NaN, Instant.now()));
    }
}
