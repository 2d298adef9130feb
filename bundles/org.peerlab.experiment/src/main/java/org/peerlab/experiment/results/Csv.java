package org.peerlab.experiment.results;

import java.util.List;

/**
 * CSV text with fixed, locale-independent formatting: numbers as Java's shortest round-trip
 * decimal ({@link Double#toString}), missing or non-finite values as empty cells, RFC 4180 quoting,
 * {@code \n} line ends.
 */
final class Csv {

    private final StringBuilder sb = new StringBuilder();

    Csv(List<String> header) {
        row(List.copyOf(header));
    }

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append('\n');
        return this;
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return number(d);
        }
        String s = v.toString();
        return s.matches("[^\",\\n\\r]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        return Double.toString(d == 0 ? 0.0 : d);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
