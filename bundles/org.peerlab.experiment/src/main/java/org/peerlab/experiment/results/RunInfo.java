package org.peerlab.experiment.results;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.peerlab.experiment.Scenario;
import org.peerlab.report.MachineDescription;

/**
 * What an execution of an experiment leaves out of the result files because it varies between
 * executions: PeerLab version, scenario file, date, threads, wall time and the machine. Written to
 * {@code run-info.json} by {@link ResultWriter#writeRunInfo} and shown in the report's metadata.
 * The command line and the workbench both describe their runs with it, so a run folder looks the
 * same whichever wrote it.
 */
public final class RunInfo {

    private RunInfo() {
    }

    /**
     * @param version     the PeerLab version (the calling bundle's, or a note saying it is unknown)
     * @param scenario    the scenario as run; its {@link Scenario#source()} names the file
     * @param threads     worker threads the run used, at least 1
     * @param wallSeconds wall-clock seconds from start to the last run's end, at least 0
     * @param finished    when the run ended
     * @return display name to value, in display order: PeerLab, Scenario file, Date, Threads,
     *         Wall time, then {@link MachineDescription#current()}
     */
    public static Map<String, String> of(String version, Scenario scenario, int threads, double wallSeconds, Instant finished) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(wallSeconds >= 0)) {
            throw new IllegalArgumentException("wall time must be >= 0 s, got " + wallSeconds);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PeerLab", version);
        m.put("Scenario file", scenario.source());
        m.put("Date", finished.toString());
        m.put("Threads", Integer.toString(threads));
        m.put("Wall time", String.format(Locale.ROOT, "%.1f s", wallSeconds));
        m.putAll(MachineDescription.current());
        return m;
    }
}
