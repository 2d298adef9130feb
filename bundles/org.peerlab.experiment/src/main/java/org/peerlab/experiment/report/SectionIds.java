package org.peerlab.experiment.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** File-name-safe identifiers for sections and charts, unique within one report. */
final class SectionIds {

    private final Set<String> used = new HashSet<>();

    /** @return {@code base}, or {@code base-2}, {@code base-3}... when taken */
    String unique(String base) {
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** @return lower-case letters and digits of {@code text}, other runs of characters as one '-' */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }
}
