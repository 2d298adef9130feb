package org.peerlab.ui.internal.experiments;

import java.util.List;

import org.peerlab.core.json.SourcePosition;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.ScenarioException.Problem;
import org.peerlab.experiment.ScenarioReader;
import org.peerlab.experiment.SweepPoint;
import org.peerlab.experiment.run.ExperimentRunner;

/**
 * Checks scenario text the way a run will: structure ({@link ScenarioReader}), then the
 * workload, metrics, installed strategies and every sweep point ({@link ExperimentRunner#validate}).
 * Stateless; may take long for big sweeps, so editors call it off the UI thread.
 */
public final class ScenarioValidator {

    /** What checking found. */
    public sealed interface Outcome {
    }

    /** The scenario can run: {@code points} sweep points times its replications. */
    public record Valid(Scenario scenario, int points) implements Outcome {
        /** @return runs it would start */
        public long runs() {
            return (long) points * scenario.replications();
        }
    }

    /** The scenario is wrong; every problem, in file order. */
    public record Invalid(List<Problem> problems) implements Outcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** The structure is right, but the experiment services needed for the rest are not running. */
    public record Unavailable(String reason) implements Outcome {
    }

    private ScenarioValidator() {
    }

    /**
     * @param source names the text in positions (the file path)
     * @param runner checks workloads, metrics and strategies; {@code null} while the workload
     *               catalog is not running (the structure is still checked)
     */
    public static Outcome check(String text, String source, ExperimentRunner runner) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.parse(text, source);
        } catch (ScenarioException e) {
            return new Invalid(e.problems());
        }
        if (runner == null) {
            return new Unavailable("the workload catalog is not running yet, so the workload cannot be checked");
        }
        try {
            List<SweepPoint> points = runner.validate(scenario);
            return new Valid(scenario, points.size());
        } catch (ScenarioException e) {
            return new Invalid(e.problems());
        } catch (RuntimeException e) {
            // A workload's own bug: show it where the workload is named, with its message.
            return new Invalid(List.of(new Problem(new SourcePosition(source, 1, 1), "workload",
                    "checking failed inside the workload: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }
}
