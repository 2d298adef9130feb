package org.peerlab.ui.internal.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.peerlab.experiment.ScenarioException.Problem;

/**
 * A validation problem placed in the scenario text: the line it is on, the characters to
 * underline (the JSON token at the problem's position: a string with its quotes, a number or
 * literal, or the single bracket of an object whose key is missing) and the message.
 *
 * @param line    the line, from 0 (as {@code StyledText} counts)
 * @param offset  where the underline starts, a character offset into the text
 * @param length  how many characters to underline, at least 1 unless the line is empty
 * @param message {@code path: message}, or the message alone when the problem has no path
 */
public record ProblemMarker(int line, int offset, int length, String message) {

    public ProblemMarker {
        Objects.requireNonNull(message, "message");
        if (line < 0 || offset < 0 || length < 0) {
            throw new IllegalArgumentException("line, offset and length cannot be negative");
        }
    }

    /**
     * Places {@code problems} in {@code text}. A position past the end of its line or of the text is
     * moved to the nearest character there is.
     *
     * @return one marker per problem, in the order given
     */
    public static List<ProblemMarker> of(String text, List<Problem> problems) {
        List<ProblemMarker> out = new ArrayList<>();
        int lines = TextLines.count(text);
        for (Problem p : problems) {
            int line = Math.min(Math.max(1, p.position().line()), lines);
            int lineStart = TextLines.lineStart(text, line);
            int lineEnd = TextLines.lineEnd(text, lineStart);
            int offset = TextLines.offset(text, line, p.position().column());
            if (offset == lineEnd && offset > lineStart) {
                offset--; // a position at the end of a line: mark its last character
            }
            int length = lineEnd == lineStart ? 0 : Math.max(1, Math.min(tokenLength(text, offset), lineEnd - offset));
            String message = p.path().isEmpty() ? p.message() : p.path() + ": " + p.message();
            out.add(new ProblemMarker(line - 1, offset, length, message));
        }
        return out;
    }

    /** @return the length of the JSON token starting at {@code offset} (1 for punctuation) */
    static int tokenLength(String text, int offset) {
        if (offset >= text.length()) {
            return 0;
        }
        char c = text.charAt(offset);
        int end = offset + 1;
        if (c == '"') {
            while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\n') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            return Math.min(end + 1, text.length()) - offset;
        }
        if (Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.') {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "+-.".indexOf(text.charAt(end)) >= 0)) {
                end++;
            }
        }
        return end - offset;
    }
}
