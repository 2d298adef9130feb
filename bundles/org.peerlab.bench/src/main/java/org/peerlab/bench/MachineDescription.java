package org.peerlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on, recorded with its figures. */
final class MachineDescription {

    private MachineDescription() {
    }

    static Map<String, String> current(String peerlabVersion, BenchSettings settings) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PeerLab", peerlabVersion);
        m.put("Date", Instant.now().toString());
        m.put("CPU", cpuModel());
        m.put("Cores available", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("Max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("Warm-up iterations", Integer.toString(settings.warmupIterations()));
        m.put("Measured iterations", Integer.toString(settings.iterations()));
        m.put("Iteration time", settings.iterationMillis() + " ms (at least one operation)");
        m.put("Families", settings.families().isEmpty() ? "all" : String.join(", ", settings.families()));
        m.put("Strategies", settings.strategies().isEmpty() ? "all" : String.join(", ", settings.strategies()));
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: say so below
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }
}
