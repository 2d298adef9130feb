package org.peerlab.core.json;

/**
 * The text is not valid JSON, or breaks one of the stricter rules of {@link JsonParser}
 * (duplicate keys, text after the value). The message starts with the position, so it can be
 * printed as it is: {@code simulation/x.json:12:5: duplicate key "seed" (first at 3:3)}.
 */
public class JsonSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String reason;

    public JsonSyntaxException(SourcePosition position, String reason) {
        super(position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** @return where the problem is */
    public SourcePosition position() {
        return position;
    }

    /** @return the message without the position */
    public String reason() {
        return reason;
    }
}
