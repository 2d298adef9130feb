package org.peerlab.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on and with which settings, recorded with its figures. */
final class MachineDescription {

    private MachineDescription() {
    }

    static Map<String, String> current(String peerlabVersion, BenchSettings settings) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PeerLab", peerlabVersion);
        m.put("Date", Instant.now().toString());
        m.putAll(org.peerlab.report.MachineDescription.current());
        m.put("Warm-up iterations", Integer.toString(settings.warmupIterations()));
        m.put("Measured iterations", Integer.toString(settings.iterations()));
        m.put("Iteration time", settings.iterationMillis() + " ms (at least one operation)");
        m.put("Families", settings.families().isEmpty() ? "all" : String.join(", ", settings.families()));
        m.put("Strategies", settings.strategies().isEmpty() ? "all" : String.join(", ", settings.strategies()));
        return m;
    }
}
