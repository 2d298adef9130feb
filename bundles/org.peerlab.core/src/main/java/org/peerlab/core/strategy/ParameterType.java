package org.peerlab.core.strategy;

/** The value types a strategy parameter can have. */
public enum ParameterType {
    /** A whole number, held as {@link Long}, with an inclusive range. */
    INTEGER,
    /** A real number, held as {@link Double}, with an inclusive range. */
    DECIMAL,
    /** {@code true} or {@code false}, held as {@link Boolean}. */
    BOOLEAN,
    /** One of a fixed list of words, held as {@link String}. */
    CHOICE;

    /** @return the lower-case name used in listings and JSON */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
