package org.peerlab.protocol.wire;

import java.util.EnumSet;
import java.util.Set;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;

/** ERROR messages: {@code u8 reason | text explanation}, sent in the clear by the side that gives up. */
public final class ErrorMessage {

    /** Longest explanation, in UTF-8 bytes. */
    public static final int MAX_TEXT = 1024;

    /** Reasons that keep their meaning when the peer reports them; the others become PEER_ERROR. */
    private static final Set<Reason> KEPT = EnumSet.of(Reason.AUTHENTICATION_FAILED, Reason.DECLINED, Reason.INTEGRITY_FAILED, Reason.REFUSED,
            Reason.NO_COMMON_STRATEGY, Reason.UNSUPPORTED_VERSION);

    private ErrorMessage() {
    }

    /** @return the wire form of an ERROR message telling the peer why this side stops */
    public static byte[] encode(ProtocolException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length > MAX_TEXT) {
            text = new String(java.util.Arrays.copyOf(utf8, MAX_TEXT - 3), java.nio.charset.StandardCharsets.UTF_8).replace("\uFFFD", "") + "...";
        }
        return new Message(MessageType.ERROR, new WireWriter().u8(e.reason().code()).text(text).toByteArray()).encode();
    }

    /** @return the failure an ERROR payload reports (a malformed payload is itself a MALFORMED failure) */
    public static ProtocolException decode(byte[] payload) {
        try {
            WireReader r = new WireReader(payload, "ERROR");
            int code = r.u8("reason");
            String text = r.text("text", MAX_TEXT);
            r.end();
            Reason reason = Reason.of(code);
            return new ProtocolException(KEPT.contains(reason) ? reason : Reason.PEER_ERROR, "peer reports " + reason + ": " + text);
        } catch (ProtocolException e) {
            return e;
        }
    }
}
