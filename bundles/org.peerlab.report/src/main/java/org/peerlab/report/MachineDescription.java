package org.peerlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What figures were produced on: CPU, cores, heap, operating system and JDK, for report metadata. */
public final class MachineDescription {

    private MachineDescription() {
    }

    /** @return display name to value, in display order */
    public static Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", cpuModel());
        m.put("Cores available", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("Max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    /** @return the CPU model from {@code /proc/cpuinfo}, or "unknown (arch)" elsewhere */
    public static String cpuModel() {
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
