package org.peerlab.storage.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What ties a sealed segment to its place: the AEAD nonce and associated data of segment
 * {@code s}. Every file has its own key (a fresh salt for passwords, a fresh random key
 * otherwise), so the segment number alone makes nonces unique.
 *
 * <ul>
 * <li>nonce, 12 bytes: 4 zero bytes, then the segment number as 8 bytes big-endian;</li>
 * <li>associated data: the file id in UTF-8, the segment number (8 bytes big-endian), one byte
 * 1 for the last segment and 0 otherwise, the file's total size (8 bytes big-endian).</li>
 * </ul>
 *
 * Binding the number stops segments being swapped or replayed from another file; the last flag
 * and the size stop a file being cut short at a segment boundary. Pure functions.
 */
public final class SegmentBinding {

    /** The nonce length the layout needs from the AEAD. */
    public static final int NONCE_LENGTH = 12;

    private SegmentBinding() {
    }

    /** @return the 12-byte nonce of {@code segment} */
    public static byte[] nonce(long segment) {
        return ByteBuffer.allocate(NONCE_LENGTH).putInt(0).putLong(segment).array();
    }

    /** @return the associated data of {@code segment} of the file {@code fileId} of {@code size} bytes */
    public static byte[] associatedData(String fileId, long segment, boolean last, long size) {
        byte[] id = fileId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(id.length + 17).put(id).putLong(segment).put((byte) (last ? 1 : 0)).putLong(size).array();
    }
}
