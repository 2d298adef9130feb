package org.peerlab.protocol.rendezvous;

import java.util.List;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/**
 * Rendezvous messages: {@code version (u8) = 1 | op (u8) | fields}, one per frame, at most
 * {@value #MAX_MESSAGE} bytes. Requests get exactly one reply (OK, ERROR, FOUND, MEMBERS or
 * ALLOCATED) in order; JOINED, LEFT and SIGNAL arrive unasked.
 */
public final class Rv {

    public static final int VERSION = 1;
    public static final int MAX_MESSAGE = 4096;
    public static final int MAX_NAME = 64;
    public static final int MAX_CANDIDATES = 8;
    public static final int MAX_SIGNAL = 2048;

    // requests
    public static final int OPEN = 1;
    public static final int LOOKUP = 2;
    public static final int JOIN = 3;
    public static final int SIGNAL = 4;
    public static final int LEAVE = 5;
    public static final int CLOSE = 6;
    public static final int ALLOCATE = 7;
    // replies and events
    public static final int OK = 16;
    public static final int ERROR = 17;
    public static final int FOUND = 18;
    public static final int MEMBERS = 19;
    public static final int JOINED = 20;
    public static final int LEFT = 21;
    public static final int SIGNALLED = 22;
    public static final int ALLOCATED = 23;

    private Rv() {
    }

    /** A decoded message: its op and a reader positioned at its fields. */
    public record Parsed(int op, WireReader fields) {
    }

    public static WireWriter start(int op) {
        return new WireWriter().u8(VERSION).u8(op);
    }

    public static Parsed parse(byte[] message) throws ProtocolException {
        if (message.length > MAX_MESSAGE) {
            throw new ProtocolException(Reason.MALFORMED, "rendezvous message of " + message.length + " bytes exceeds " + MAX_MESSAGE);
        }
        WireReader r = new WireReader(message, "rendezvous message");
        int version = r.u8("version");
        if (version != VERSION) {
            throw new ProtocolException(Reason.UNSUPPORTED_VERSION, "rendezvous version " + version + ", this PeerLab speaks " + VERSION);
        }
        return new Parsed(r.u8("op"), r);
    }

    public static String name(WireReader r, String field) throws ProtocolException {
        String s = r.text(field, MAX_NAME);
        if (s.isEmpty() || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProtocolException(Reason.MALFORMED, field + " must be 1 to " + MAX_NAME + " printable ASCII characters");
        }
        return s;
    }

    public static List<String> candidates(WireReader r) throws ProtocolException {
        List<String> c = r.texts("candidates", MAX_CANDIDATES, MAX_NAME);
        for (String a : c) {
            if (a.isEmpty() || !a.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
                throw new ProtocolException(Reason.MALFORMED, "candidate addresses must be printable ASCII");
            }
        }
        return c;
    }

    public static byte[] error(String text) {
        return start(ERROR).text(text.length() > 200 ? text.substring(0, 200) : text).toByteArray();
    }
}
