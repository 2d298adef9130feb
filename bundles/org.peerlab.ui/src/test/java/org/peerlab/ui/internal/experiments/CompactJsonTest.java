package org.peerlab.ui.internal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompactJsonTest {

    @Test
    void writesOneLine() {
        Map<String, Object> dist = new LinkedHashMap<>();
        dist.put("dist", "uniform");
        dist.put("min", 0L);
        dist.put("max", 0.5);
        assertEquals("{\"dist\": \"uniform\", \"min\": 0, \"max\": 0.5}", CompactJson.write(dist));
        assertEquals("[1, \"a\", true, null]", CompactJson.write(java.util.Arrays.asList(1L, "a", true, null)));
        assertEquals("5, 40", CompactJson.list(List.of(5L, 40L)));
    }

    @Test
    void readsJsonOrPlainWords() {
        assertEquals(0.01, CompactJson.read(" 0.01 "));
        assertEquals("aes-256-gcm", CompactJson.read("aes-256-gcm"));
        assertEquals("quoted", CompactJson.read("\"quoted\""));
        assertEquals(Map.of("dist", "constant", "value", 3L), CompactJson.read("{\"dist\": \"constant\", \"value\": 3}"));
    }

    @Test
    void readsListsWithOrWithoutBrackets() {
        assertEquals(List.of(5L, 40L), CompactJson.readList("5, 40"));
        assertEquals(List.of(5L, 40L), CompactJson.readList("[5, 40]"));
        assertEquals(List.of("aes-256-gcm", "chacha20-poly1305"), CompactJson.readList("aes-256-gcm, chacha20-poly1305"));
        assertEquals(List.of(), CompactJson.readList("  "));
    }
}
