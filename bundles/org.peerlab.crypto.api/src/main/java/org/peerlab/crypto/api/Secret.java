package org.peerlab.crypto.api;

import java.security.MessageDigest;
import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * Key material that can be wiped. {@link #toString()} never shows the bytes. Closing or
 * destroying overwrites the held copy with zeros; later use throws {@link IllegalStateException}.
 * Not thread-safe for concurrent destroy and use.
 */
public final class Secret implements Destroyable, AutoCloseable {

    private final byte[] bytes;
    private boolean destroyed;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes a copy of {@code bytes}; the caller should wipe its own array. */
    public static Secret copyOf(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying; the caller must not use the array again. */
    public static Secret adopt(byte[] bytes) {
        return new Secret(bytes);
    }

    /** @return length in bytes */
    public int length() {
        return bytes.length;
    }

    /** @return a fresh copy of the bytes, which the caller should wipe after use */
    public byte[] bytes() {
        check();
        return bytes.clone();
    }

    /** Constant-time comparison with another secret. */
    public boolean sameAs(Secret other) {
        check();
        other.check();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("secret has been destroyed");
        }
    }

    @Override
    public String toString() {
        return destroyed ? "Secret[destroyed]" : "Secret[" + bytes.length + " bytes]";
    }
}
