package org.peerlab.protocol.transfer;

import java.io.IOException;

/**
 * Where a sending session reads the offered files' bytes. The session never closes its source
 * (it does no I/O of its own); whoever made the session closes the source once it has ended.
 */
@FunctionalInterface
public interface FileSource extends java.io.Closeable {

    /**
     * Reads exactly {@code length} bytes of file {@code file} (its index in the manifest) at
     * {@code offset} into {@code buffer}.
     *
     * @throws IOException if the bytes cannot be read, or the file changed since it was offered
     *                     (the receiver checks every piece against its hash in any case)
     */
    void read(int file, long offset, byte[] buffer, int length) throws IOException;

    /** Releases what reading holds open (a file handle, for example); reading again may reopen it. Does nothing by default. */
    @Override
    default void close() throws IOException {
    }
}
