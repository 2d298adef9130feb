package org.peerlab.protocol.wire;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;

/**
 * Reads payload fields written by {@link WireWriter}; every read checks that the bytes are there
 * and within the caller's limit, and {@link #end()} that nothing is left over.
 */
public final class WireReader {

    private final byte[] in;
    private final String what;
    private int pos;

    /** @param what names the message, for error texts */
    public WireReader(byte[] in, String what) {
        this.in = in;
        this.what = what;
    }

    private void need(int n, String field) throws ProtocolException {
        if (n < 0 || in.length - pos < n) {
            throw new ProtocolException(Reason.MALFORMED, what + ": truncated at " + field + " (needs " + n + " bytes, " + (in.length - pos) + " left)");
        }
    }

    public int u8(String field) throws ProtocolException {
        need(1, field);
        return in[pos++] & 0xff;
    }

    public int u16(String field) throws ProtocolException {
        need(2, field);
        int v = (in[pos] & 0xff) << 8 | in[pos + 1] & 0xff;
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit integer. */
    public long u32(String field) throws ProtocolException {
        need(4, field);
        long v = (in[pos] & 0xffL) << 24 | (in[pos + 1] & 0xff) << 16 | (in[pos + 2] & 0xff) << 8 | in[pos + 3] & 0xff;
        pos += 4;
        return v;
    }

    /** An unsigned 32-bit integer that must not exceed {@code max}. */
    public int u32(String field, int max) throws ProtocolException {
        long v = u32(field);
        if (v > max) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + field + " = " + v + " exceeds the limit of " + max);
        }
        return (int) v;
    }

    /** A 64-bit integer that must lie in [0, max]. */
    public long u64(String field, long max) throws ProtocolException {
        long v = u32(field) << 32 | u32(field);
        if (v < 0 || v > max) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + field + " = " + Long.toUnsignedString(v) + " exceeds the limit of " + max);
        }
        return v;
    }

    /** All bytes left. */
    public byte[] rest() {
        byte[] b = java.util.Arrays.copyOfRange(in, pos, in.length);
        pos = in.length;
        return b;
    }

    /** @return bytes not yet read */
    public int remaining() {
        return in.length - pos;
    }

    public byte[] bytes16(String field, int max) throws ProtocolException {
        return take(u16(field), field, max);
    }

    /** Exactly {@code n} bytes. */
    public byte[] fixed(int n, String field) throws ProtocolException {
        need(n, field);
        byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private byte[] take(int n, String field, int max) throws ProtocolException {
        if (n > max || n < 0) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + field + " of " + n + " bytes exceeds the limit of " + max);
        }
        return fixed(n, field);
    }

    public String text(String field, int maxBytes) throws ProtocolException {
        byte[] b = bytes16(field, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + field + " is not UTF-8", e);
        }
    }

    public List<String> texts(String field, int maxEntries, int maxBytes) throws ProtocolException {
        int n = u8(field);
        if (n > maxEntries) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + field + " lists " + n + " entries, the limit is " + maxEntries);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(text(field, maxBytes));
        }
        return out;
    }

    /** @throws ProtocolException if bytes remain */
    public void end() throws ProtocolException {
        if (pos != in.length) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + (in.length - pos) + " unexpected trailing byte(s)");
        }
    }
}
