package org.peerlab.protocol.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes payload fields: u8, u16, byte strings with a u16 length, texts and short text lists. */
public final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    public WireWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    public WireWriter u64(long v) {
        u32(v >>> 32);
        return u32(v);
    }

    /** Bytes as they are, without a length (a fixed-size field or the payload's tail). */
    public WireWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** @return bytes written so far */
    public int size() {
        return out.size();
    }

    /** Bytes with a 2-byte length (at most 65535). */
    public WireWriter bytes16(byte[] b) {
        if (b.length > 0xffff) {
            throw new IllegalArgumentException("field of " + b.length + " bytes does not fit a 16-bit length");
        }
        u16(b.length);
        out.writeBytes(b);
        return this;
    }

    public WireWriter text(String s) {
        return bytes16(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A list of at most 255 texts. */
    public WireWriter texts(List<String> list) {
        if (list.size() > 255) {
            throw new IllegalArgumentException("list of " + list.size() + " entries exceeds 255");
        }
        u8(list.size());
        list.forEach(this::text);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
