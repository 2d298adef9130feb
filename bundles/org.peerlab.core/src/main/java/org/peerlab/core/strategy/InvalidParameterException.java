package org.peerlab.core.strategy;

import java.util.List;

/** Parameter values rejected by a strategy's descriptor; the message names every problem. */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidParameterException(String strategyKey, List<String> problems) {
        super("invalid parameters for " + strategyKey + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one message per problem */
    public List<String> problems() {
        return problems;
    }
}
