package org.peerlab.storage.node;

import java.util.LinkedHashMap;
import java.util.Map;

/** Audit parameters as they travel in PUT_PLAN and CHALLENGE: {@code key=value,key=value}. */
public final class AuditParameters {

    private AuditParameters() {
    }

    /**
     * @param text {@code key=value} pairs separated by commas; blank for none
     * @return the pairs in order
     * @throws IllegalArgumentException naming the first pair without a key or an '=', or a key given twice
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text.isBlank()) {
            return values;
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("audit parameters '" + text + "': '" + pair + "' is not key=value");
            }
            if (values.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("audit parameters '" + text + "' give '" + key + "' twice");
            }
        }
        return values;
    }
}
