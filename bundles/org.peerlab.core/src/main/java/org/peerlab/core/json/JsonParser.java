package org.peerlab.core.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.core.json.JsonValue.JsonArray;
import org.peerlab.core.json.JsonValue.JsonBoolean;
import org.peerlab.core.json.JsonValue.JsonNull;
import org.peerlab.core.json.JsonValue.JsonNumber;
import org.peerlab.core.json.JsonValue.JsonObject;
import org.peerlab.core.json.JsonValue.JsonString;
import org.peerlab.core.json.JsonValue.Member;

/**
 * A strict JSON parser (RFC 8259) that records the line and column of every value and key.
 * Stricter than the RFC where files written by people benefit: a key repeated in one object is
 * an error, and so is anything but white space after the value. No comments, no trailing
 * commas, no NaN. A leading byte order mark is skipped. Nesting is limited to
 * {@value #MAX_DEPTH} levels. Stateless and thread-safe.
 */
public final class JsonParser {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private final String source;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private JsonParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * @param text   the JSON text
     * @param source the name positions carry, usually the file path as given by the user
     * @return the value, with positions
     * @throws JsonSyntaxException naming the position and what was wrong
     */
    public static JsonValue parse(String text, String source) throws JsonSyntaxException {
        JsonParser p = new JsonParser(text, source);
        if (text.startsWith("\uFEFF")) {
            p.pos = 1;
            p.lineStart = 1;
        }
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw p.error("no JSON value (the text is empty)");
        }
        JsonValue v = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe() + " after the end of the JSON value");
        }
        return v;
    }

    private SourcePosition here() {
        return new SourcePosition(source, line, pos - lineStart + 1);
    }

    private JsonSyntaxException error(String reason) {
        return new JsonSyntaxException(here(), reason);
    }

    private String describe() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        return c < 0x20 || c == 0x7f ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonValue value() throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonString(here(), string());
            case 't' -> literal("true", new JsonBoolean(here(), true));
            case 'f' -> literal("false", new JsonBoolean(here(), false));
            case 'n' -> literal("null", new JsonNull(here()));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                if (Character.isLetter(c)) {
                    throw error("unexpected " + describe() + ", expected a value (strings need double quotes)");
                }
                throw error("unexpected " + describe() + ", expected a value (object, array, string, number, true, false or null)");
            }
        };
    }

    private JsonValue literal(String word, JsonValue v) throws JsonSyntaxException {
        if (!text.startsWith(word, pos) || (pos + word.length() < text.length() && Character.isLetterOrDigit(text.charAt(pos + word.length())))) {
            throw error("unexpected " + describe() + ", expected a value (strings need double quotes)");
        }
        pos += word.length();
        return v;
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private JsonObject object() throws JsonSyntaxException {
        SourcePosition start = here();
        enter();
        pos++;
        Map<String, Member> members = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            pos++;
            depth--;
            return new JsonObject(start, members);
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("unexpected " + describe() + ", expected a key in double quotes");
            }
            SourcePosition keyAt = here();
            String key = string();
            Member earlier = members.get(key);
            if (earlier != null) {
                throw new JsonSyntaxException(keyAt, "duplicate key \"" + key + "\" (first at line " + earlier.keyPosition().line()
                        + ", column " + earlier.keyPosition().column() + ")");
            }
            skipSpace();
            if (!peek(':')) {
                throw error("unexpected " + describe() + ", expected ':' after the key \"" + key + "\"");
            }
            pos++;
            skipSpace();
            members.put(key, new Member(key, keyAt, value()));
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
                if (peek('}')) {
                    throw error("trailing comma before '}'");
                }
            } else if (peek('}')) {
                pos++;
                depth--;
                return new JsonObject(start, members);
            } else {
                throw error("unexpected " + describe() + ", expected ',' or '}' after the value of \"" + key + "\"");
            }
        }
    }

    private JsonArray array() throws JsonSyntaxException {
        SourcePosition start = here();
        enter();
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            pos++;
            depth--;
            return new JsonArray(start, elements);
        }
        while (true) {
            skipSpace();
            elements.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
                if (peek(']')) {
                    throw error("trailing comma before ']'");
                }
            } else if (peek(']')) {
                pos++;
                depth--;
                return new JsonArray(start, elements);
            } else {
                throw error("unexpected " + describe() + ", expected ',' or ']' in the array");
            }
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private String string() throws JsonSyntaxException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string (end of input before the closing '\"')");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("unescaped " + describe() + " in a string (strings end on the line they start; use \\n for a line break)");
            }
            if (c == '\\') {
                pos++;
                sb.append(escape());
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private char escape() throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error("unterminated string (end of input in an escape)");
        }
        char e = text.charAt(pos++);
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                    throw error("\\u must be followed by four hexadecimal digits");
                }
                char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                pos += 4;
                yield u;
            }
            default -> {
                pos--;
                throw error("invalid escape '\\" + e + "' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
        };
    }

    private JsonNumber number() throws JsonSyntaxException {
        SourcePosition start = here();
        int begin = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                throw error("numbers must not have leading zeros");
            }
        } else if (!digits()) {
            throw error("unexpected " + describe() + ", expected a digit");
        }
        if (peek('.')) {
            pos++;
            if (!digits()) {
                throw error("unexpected " + describe() + ", expected a digit after the decimal point");
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!digits()) {
                throw error("unexpected " + describe() + ", expected a digit in the exponent");
            }
        }
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            throw error("unexpected " + describe() + " after a number (strings need double quotes)");
        }
        return new JsonNumber(start, text.substring(begin, pos));
    }

    private boolean digits() {
        int begin = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > begin;
    }
}
