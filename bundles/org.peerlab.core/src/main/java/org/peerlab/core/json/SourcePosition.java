package org.peerlab.core.json;

import java.util.Objects;

/**
 * Where something was read: a source name (usually a file path as the user gave it), a line and a
 * column, both counted from 1. Columns count UTF-16 code units, tabs as one.
 *
 * @param source the source's name, never null
 * @param line   line number, from 1
 * @param column column number, from 1
 */
public record SourcePosition(String source, int line, int column) {

    public SourcePosition {
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1, got " + line + ":" + column);
        }
    }

    /** @return {@code source:line:column}, the form editors and compilers use */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
