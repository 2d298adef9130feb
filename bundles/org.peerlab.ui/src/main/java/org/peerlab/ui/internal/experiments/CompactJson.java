package org.peerlab.ui.internal.experiments;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.peerlab.core.json.Json;
import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;

/**
 * JSON values on one line, for the cells of the scenario form ({@code {"dist": "uniform", "min": 0}}),
 * and the lenient reading back of what a user typed there: valid JSON is taken as JSON, anything
 * else as a string, so {@code aes-256-gcm} needs no quotes.
 */
public final class CompactJson {

    private CompactJson() {
    }

    /** @return plain JSON data ({@link JsonValue#toPlain()} shapes) on one line */
    public static String write(Object plain) {
        if (plain instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(Json.write(String.valueOf(e.getKey()))).append(": ").append(write(e.getValue()));
                sb.append(it.hasNext() ? ", " : "");
            }
            return sb.append('}').toString();
        }
        if (plain instanceof List<?> l) {
            return "[" + list(l) + "]";
        }
        return Json.write(plain);
    }

    /** @return the elements of {@code values} separated by {@code ", "}, without brackets */
    public static String list(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(sb.isEmpty() ? "" : ", ").append(write(v));
        }
        return sb.toString();
    }

    /** @return {@code text} as JSON when it is valid JSON, else the text itself (stripped) as a string */
    public static Object read(String text) {
        String t = text.strip();
        try {
            return JsonParser.parse(t, "cell").toPlain();
        } catch (JsonSyntaxException e) {
            return t;
        }
    }

    /**
     * Reads a list typed without brackets ({@code 5, 40} or {@code aes-256-gcm, chacha20-poly1305}):
     * as a JSON array when {@code [text]} is one, else split at commas, each part read by {@link #read}.
     */
    public static List<Object> readList(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        try {
            JsonValue v = JsonParser.parse(t.startsWith("[") ? t : "[" + t + "]", "cell");
            if (v instanceof JsonValue.JsonArray a) {
                List<Object> out = new ArrayList<>();
                a.elements().forEach(e -> out.add(e.toPlain()));
                return out;
            }
        } catch (JsonSyntaxException e) {
            // not JSON as a whole: fall through to splitting
        }
        List<Object> out = new ArrayList<>();
        for (String part : t.split(",")) {
            out.add(read(part));
        }
        return out;
    }
}
