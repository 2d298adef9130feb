package org.peerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.report.ExperimentReport;
import org.peerlab.experiment.results.ExperimentResult;
import org.peerlab.experiment.run.ExperimentListener;
import org.peerlab.experiment.run.ExperimentRunner;

class ReportTest {

    @Test
    void reportHasChartsAsPngAndSvgReferencedFromTheHtml(@TempDir Path dir) throws Exception {
        String text = """
                {"name": "mm1-report", "seed": 9, "replications": 3,
                 "workload": {"name": "mm1", "customers": 500, "warmup": 100},
                 "sweep": {"workload.arrival-rate": [0.3, 0.6], "workload.service-rate": [1, 2], "network.kind": ["a", "b"]}}
                """;
        ExperimentResult r = new ExperimentRunner(WorkloadCatalog.of(new QueueWorkload()), null, 2).run(Scenarios.parse(text),
                ExperimentListener.NONE);
        Path html = ExperimentReport.write(r, Map.of("PeerLab", "0.1.0.test"), dir);
        String page = Files.readString(html);
        for (String chart : new String[] {"metric-waiting-time-s-workload-arrival-rate", "metric-waiting-time-s-network-kind",
                "time-series-queue-length"}) {
            assertTrue(Files.size(dir.resolve("charts/" + chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(dir.resolve("charts/" + chart + ".svg")).contains("<svg"), chart);
            assertTrue(page.contains("charts/" + chart + ".png") && page.contains("charts/" + chart + ".svg"), chart);
        }
        assertTrue(page.contains("M/M/1 Wq = rho / (mu - lambda)"), "validation table");
        assertTrue(page.contains("&quot;mm1-report&quot;"), "scenario text");
        assertTrue(page.contains("Seed") && page.contains("0.1.0.test"));
        assertTrue(Files.exists(dir.resolve("validation.csv")));
    }
}
