package org.peerlab.ui.internal.experiments;

/**
 * Line and column arithmetic over text as {@link org.peerlab.core.json.JsonParser} counts it:
 * lines from 1 split at {@code '\n'}, columns from 1 in UTF-16 code units.
 */
final class TextLines {

    private TextLines() {
    }

    /** @return the offset of {@code line}:{@code column}, clamped to the text and to the line's end */
    static int offset(String text, int line, int column) {
        int start = lineStart(text, line);
        int end = lineEnd(text, start);
        return Math.min(start + Math.max(0, column - 1), end);
    }

    /** @return the offset where {@code line} (from 1) starts; the last line's start when there are fewer */
    static int lineStart(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return offset;
            }
            offset = next + 1;
        }
        return offset;
    }

    /** @return the offset of the end of the line starting at {@code start} (before {@code \r\n} or {@code \n}) */
    static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** @return lines in {@code text} (a final line without a line break counts; an empty text has one) */
    static int count(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
