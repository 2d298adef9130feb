package org.peerlab.ui.internal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peerlab.experiment.WorkloadCatalog;
import org.peerlab.experiment.run.ExperimentRunner;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.RunContext;
import org.peerlab.experiment.RunOutput;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.Workload;

class ScenarioValidatorTest {

    /** Checks its parameters the way the shipped workloads do: known keys only, ranges. */
    private static final class Transfer implements Workload {
        @Override
        public String name() {
            return "transfer";
        }

        @Override
        public String describe() {
            return "a stand-in for the transfer workload";
        }

        @Override
        public void validate(Params params) throws ScenarioException {
            Params w = params.get("workload");
            w.allowOnly("name", "file-size-mib", "flows");
            w.integer("flows", 1, 1, 10_000);
            params.get("network").allowOnly("bandwidth-mbps", "latency-ms", "loss");
        }

        @Override
        public RunOutput run(RunContext context) {
            return RunOutput.empty();
        }
    }

    private static final ExperimentRunner RUNNER = new ExperimentRunner(WorkloadCatalog.of(new Transfer()), null, 1);

    @Test
    void theNewScenarioTemplateIsValid() {
        ScenarioValidator.Outcome o = ScenarioValidator.check(ScenarioFiles.template("fresh", 1), "fresh.json", RUNNER);
        ScenarioValidator.Valid v = assertInstanceOf(ScenarioValidator.Valid.class, o);
        assertEquals(2, v.points());
        assertEquals(4, v.runs());
    }

    @Test
    void workloadProblemsOfEverySweepPointComeWithTheirLine() {
        String text = ScenarioFiles.template("fresh", 1).replace("\"flows\": 1", "\"flows\": 0");
        ScenarioValidator.Invalid i = assertInstanceOf(ScenarioValidator.Invalid.class, ScenarioValidator.check(text, "fresh.json", RUNNER));
        assertEquals(1, i.problems().size());
        assertEquals(4, i.problems().get(0).position().line(), "the workload line of the template");
        assertEquals("workload.flows", i.problems().get(0).path());
    }

    @Test
    void structureIsCheckedEvenWithoutTheCatalog() {
        assertInstanceOf(ScenarioValidator.Unavailable.class, ScenarioValidator.check(ScenarioFiles.template("a", 1), "a.json", null));
        ScenarioValidator.Invalid i = assertInstanceOf(ScenarioValidator.Invalid.class, ScenarioValidator.check("{\"name\": ", "a.json", null));
        assertTrue(i.problems().get(0).message().length() > 0);
    }

    @Test
    void anUnknownWorkloadIsMarkedAtItsName() {
        String text = ScenarioFiles.template("fresh", 1).replace("\"name\": \"transfer\"", "\"name\": \"teleport\"");
        ScenarioValidator.Invalid i = assertInstanceOf(ScenarioValidator.Invalid.class, ScenarioValidator.check(text, "f.json", RUNNER));
        assertEquals(4, i.problems().get(0).position().line(), "the workload line of the template");
        assertTrue(i.problems().get(0).message().contains("teleport"), i.problems().get(0).message());
    }
}
