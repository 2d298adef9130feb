package org.peerlab.core.strategy;

import java.util.List;

/** A strategy was asked for by a name no installed bundle provides. */
public class UnknownStrategyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownStrategyException(String family, String name, List<String> available) {
        super("no " + family + " strategy named '" + name + "' is installed"
                + (available.isEmpty() ? " (none of that family is installed)" : "; installed: " + String.join(", ", available)));
    }
}
