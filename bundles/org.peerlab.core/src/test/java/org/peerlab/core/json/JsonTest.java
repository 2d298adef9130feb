package org.peerlab.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesAndNests() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\u0001");
        m.put("n", List.of(1, 2.5, true));
        m.put("z", null);
        m.put("nan", Double.NaN);
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\n\\u0001\",\n  \"n\": [\n    1,\n    2.5,\n    true\n  ],\n  \"z\": null,\n  \"nan\": null\n}",
                Json.write(m));
        assertEquals("[]", Json.write(List.of()));
    }
}
