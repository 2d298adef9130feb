package org.peerlab.protocol.wire;

import java.util.Arrays;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;

/**
 * One protocol message: {@code version (1 byte) | type (1 byte) | payload}. The transport
 * carries each message as one frame, so no length field is needed here.
 *
 * @param type    message type
 * @param payload payload bytes (the message owns them)
 */
public record Message(MessageType type, byte[] payload) {

    /** Protocol version this code speaks. */
    public static final int VERSION = 1;

    /** Largest message accepted: 1 MiB of payload plus 1 KiB for headers. */
    public static final int MAX_LENGTH = (1 << 20) + 1024;

    /** @return the message's wire form */
    public byte[] encode() {
        byte[] out = new byte[2 + payload.length];
        out[0] = VERSION;
        out[1] = (byte) type.code();
        System.arraycopy(payload, 0, out, 2, payload.length);
        return out;
    }

    /**
     * Checks a message's header without copying its payload.
     *
     * @return its type
     * @throws ProtocolException as {@link #decode}
     */
    public static MessageType peekType(byte[] wire) throws ProtocolException {
        if (wire.length > MAX_LENGTH) {
            throw new ProtocolException(Reason.MALFORMED, "message of " + wire.length + " bytes exceeds the maximum of " + MAX_LENGTH);
        }
        if (wire.length < 2) {
            throw new ProtocolException(Reason.MALFORMED, "message of " + wire.length + " bytes is shorter than its 2-byte header");
        }
        int version = wire[0] & 0xff;
        if (version != VERSION) {
            throw new ProtocolException(Reason.UNSUPPORTED_VERSION, "peer speaks protocol version " + version + ", this PeerLab speaks " + VERSION);
        }
        MessageType type = MessageType.of(wire[1] & 0xff);
        if (type == null) {
            throw new ProtocolException(Reason.MALFORMED, "unknown message type " + (wire[1] & 0xff));
        }
        return type;
    }

    /**
     * @throws ProtocolException MALFORMED for short, oversized or unknown-type input,
     *                           UNSUPPORTED_VERSION for another protocol version
     */
    public static Message decode(byte[] wire) throws ProtocolException {
        MessageType type = peekType(wire);
        return new Message(type, Arrays.copyOfRange(wire, 2, wire.length));
    }
}
