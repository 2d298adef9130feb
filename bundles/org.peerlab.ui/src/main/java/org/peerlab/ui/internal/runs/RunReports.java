package org.peerlab.ui.internal.runs;

import java.io.IOException;
import java.util.Map;

import org.peerlab.bench.BenchReport;
import org.peerlab.experiment.report.ExperimentReport;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.results.ResultReader;
import org.peerlab.report.Report;
import org.peerlab.ui.internal.bench.BenchStore;

/**
 * The report of a finished run, built again from its files: the same sections, tables and charts
 * as the HTML report the run wrote ({@link ExperimentReport} or {@link BenchReport}), so the
 * workbench shows what an exported report shows. Reads files: call it off the UI thread.
 */
public final class RunReports {

    private RunReports() {
    }

    /**
     * @return the report of {@code run}
     * @throws IOException when its files are missing or unreadable (the message says which)
     */
    public static Report of(RunEntry run) throws IOException {
        return switch (run.kind()) {
            case EXPERIMENT -> {
                ExperimentResult result = ResultReader.read(run.folder());
                Map<String, String> info = ResultReader.readRunInfo(run.folder());
                yield ExperimentReport.of(result, info);
            }
            case BENCHMARK -> BenchReport.of(BenchStore.read(run.folder()));
            case UNKNOWN -> throw new IOException(run.folder() + " holds no PeerLab results (" + run.status() + ")");
        };
    }
}
