package org.peerlab.experiment;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.peerlab.core.json.SourcePosition;

/**
 * A scenario is wrong: one or more {@link Problem}s, each naming the file, line, column and the
 * parameter path. The message lists them one a line, ready to print.
 */
public class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong with a scenario.
     *
     * @param position where (the value's position, or the enclosing object's for a missing key)
     * @param path     the dotted parameter path, e.g. {@code workload.cipher} (empty for the whole file)
     * @param message  what is wrong, e.g. {@code unknown value 'aes' (known: aes-256-gcm, ...)}
     */
    public record Problem(SourcePosition position, String path, String message) {
        public Problem {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        /** @return {@code file:line:column: path: message} */
        @Override
        public String toString() {
            return position + ": " + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }

    /** Orders problems as they appear in the file. */
    public static final java.util.Comparator<Problem> BY_POSITION = java.util.Comparator.comparing((Problem p) -> p.position().source())
            .thenComparingInt(p -> p.position().line()).thenComparingInt(p -> p.position().column());

    private final transient List<Problem> problems;

    /** @param problems at least one */
    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(SourcePosition position, String path, String message) {
        this(List.of(new Problem(position, path, message)));
    }

    /** @return the problems, in the order found */
    public List<Problem> problems() {
        return problems;
    }
}
