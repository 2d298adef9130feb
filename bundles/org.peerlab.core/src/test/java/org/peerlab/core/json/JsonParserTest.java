package org.peerlab.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.core.json.JsonValue.JsonArray;
import org.peerlab.core.json.JsonValue.JsonNumber;
import org.peerlab.core.json.JsonValue.JsonObject;

class JsonParserTest {

    @Test
    void recordsPositionsOfKeysAndValues() throws Exception {
        String text = "{\n  \"a\": 1,\n  \"list\": [true, null,\n\t\"x\\u0041\"],\n  \"n\": -0.5e3\n}";
        JsonObject o = (JsonObject) JsonParser.parse(text, "f.json");
        assertEquals(new SourcePosition("f.json", 1, 1), o.position());
        assertEquals(new SourcePosition("f.json", 2, 3), o.member("a").keyPosition());
        assertEquals(new SourcePosition("f.json", 2, 8), o.get("a").position());
        JsonArray list = (JsonArray) o.get("list");
        assertEquals(new SourcePosition("f.json", 3, 18), list.elements().get(1).position());
        assertEquals(new SourcePosition("f.json", 4, 2), list.elements().get(2).position());
        assertEquals("xA", list.elements().get(2).toPlain());
        assertEquals(-500.0, ((JsonNumber) o.get("n")).doubleValue());
        assertEquals(List.of("a", "list", "n"), List.copyOf(o.members().keySet()));
        assertEquals(Map.of("a", 1L), ((JsonObject) JsonParser.parse("{\"a\":1}", "s")).toPlain());
    }

    private static String error(String text) {
        return assertThrows(JsonSyntaxException.class, () -> JsonParser.parse(text, "s.json")).getMessage();
    }

    @Test
    void rejectsDuplicateKeysNamingBothPlaces() {
        assertEquals("s.json:3:3: duplicate key \"seed\" (first at line 2, column 3)", error("{\n  \"seed\": 1,\n  \"seed\": 2\n}"));
    }

    @Test
    void rejectsTrailingGarbageAndCommas() {
        assertEquals("s.json:1:4: unexpected 'x' after the end of the JSON value", error("{} x"));
        assertEquals("s.json:1:9: trailing comma before '}'", error("{\"a\": 1,}"));
        assertEquals("s.json:1:4: trailing comma before ']'", error("[1,]"));
    }

    @Test
    void rejectsMalformedValues() {
        assertEquals("s.json:1:7: unexpected 'a', expected a value (strings need double quotes)", error("{\"a\": aes}"));
        assertEquals("s.json:1:2: numbers must not have leading zeros", error("01"));
        assertEquals("s.json:2:1: unexpected end of input, expected a value", error("[1,\n"));
        assertEquals("s.json:1:2: unescaped character U+000A in a string (strings end on the line they start; use \\n for a line break)",
                error("\"\n\""));
        assertEquals("s.json:1:8: unexpected '2', expected ',' or '}' after the value of \"a\"",
                error("{\"a\":1 2}"));
        assertEquals("s.json:1:3: no JSON value (the text is empty)", error("  "));
        assertEquals("s.json:1:3: invalid escape '\\q' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", error("\"\\q\""));
    }
}
