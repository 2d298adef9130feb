package org.peerlab.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * What a workload's run hands back besides the metrics it recorded through the simulator:
 * notes for the report (e.g. {@code payload elided: chunks carry sizes, not bytes}) and
 * {@link Expectation}s to check the point's results against. Immutable.
 *
 * @param notes        sentences for the report; identical notes of several runs are shown once
 * @param expectations reference values for this run's sweep point
 */
public record RunOutput(List<String> notes, List<Expectation> expectations) {

    public RunOutput {
        notes = List.copyOf(notes);
        expectations = List.copyOf(expectations);
    }

    /** @return nothing to add */
    public static RunOutput empty() {
        return new RunOutput(List.of(), List.of());
    }

    /** @return a copy with {@code note} added */
    public RunOutput withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new RunOutput(n, expectations);
    }

    /** @return a copy with {@code expectation} added */
    public RunOutput expecting(Expectation expectation) {
        List<Expectation> e = new ArrayList<>(expectations);
        e.add(expectation);
        return new RunOutput(notes, e);
    }
}
